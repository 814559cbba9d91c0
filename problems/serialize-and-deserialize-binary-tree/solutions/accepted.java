public class Codec {
    // Encodes a tree to a single string: its level order, "#" for a missing child.
    public String serialize(TreeNode root) {
        StringBuilder sb = new StringBuilder();
        ArrayDeque<TreeNode> queue = new ArrayDeque<>();
        List<TreeNode> order = new ArrayList<>();
        order.add(root);
        for (int i = 0; i < order.size(); i++) {
            TreeNode node = order.get(i);
            if (i > 0) sb.append(',');
            if (node == null) {
                sb.append('#');
            } else {
                sb.append(node.val);
                order.add(node.left);
                order.add(node.right);
            }
        }
        return sb.toString();
    }

    // Decodes your encoded data to tree.
    public TreeNode deserialize(String data) {
        String[] tokens = data.split(",");
        if (tokens[0].equals("#")) return null;
        TreeNode root = new TreeNode(Integer.parseInt(tokens[0]));
        List<TreeNode> queue = new ArrayList<>();
        queue.add(root);
        int i = 1;
        for (int k = 0; k < queue.size(); k++, i += 2) {
            TreeNode node = queue.get(k);
            if (!tokens[i].equals("#")) queue.add(node.left = new TreeNode(Integer.parseInt(tokens[i])));
            if (!tokens[i + 1].equals("#")) queue.add(node.right = new TreeNode(Integer.parseInt(tokens[i + 1])));
        }
        return root;
    }
}

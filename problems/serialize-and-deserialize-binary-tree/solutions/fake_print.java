// Mistake: prints the tree in LeetCode's encoding, as a stdin/stdout program would, and gives
// back no tree. What the codec prints is debug output; only what deserialize returns is judged.
public class Codec {
    public String serialize(TreeNode root) {
        List<String> out = new ArrayList<>();
        List<TreeNode> queue = new ArrayList<>();
        queue.add(root);
        for (int i = 0; i < queue.size(); i++) {
            TreeNode node = queue.get(i);
            if (node == null) {
                out.add("null");
            } else {
                out.add(String.valueOf(node.val));
                queue.add(node.left);
                queue.add(node.right);
            }
        }
        while (!out.isEmpty() && out.get(out.size() - 1).equals("null")) out.remove(out.size() - 1);
        System.out.println("[" + String.join(",", out) + "]");
        return "";
    }

    public TreeNode deserialize(String data) {
        return null;
    }
}

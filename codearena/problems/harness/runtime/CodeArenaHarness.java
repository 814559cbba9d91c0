// CodeArena's harness for a Java function problem: one test, one call of the user's code.
//
// It reads the test (one JSON value per line) from stdin, calls the user's class (compiled from
// its own file beside this one), and writes the result as one line of JSON to file descriptor
// 3, only after the call returned. System.out and System.err are the user's own (debug output).
// The generator adds the typed conversions and main() where the GLUE line is.
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;

class ListNode {
    int val;
    ListNode next;

    ListNode() {}

    ListNode(int val) {
        this.val = val;
    }

    ListNode(int val, ListNode next) {
        this.val = val;
        this.next = next;
    }
}

class TreeNode {
    int val;
    TreeNode left;
    TreeNode right;

    TreeNode() {}

    TreeNode(int val) {
        this.val = val;
    }

    TreeNode(int val, TreeNode left, TreeNode right) {
        this.val = val;
        this.left = left;
        this.right = right;
    }
}

final class CodeArenaHarness {
    static final int MAX_NODES = 10_000_000; // a list or tree returned with more nodes has a cycle

    // -- JSON in: null, Boolean, Long, Double, String, List<Object> ----------------------------

    private final String text;
    private int at;

    private CodeArenaHarness(String text) {
        this.text = text;
    }

    static Object parse(String line, int number) {
        CodeArenaHarness p = new CodeArenaHarness(line.strip());
        try {
            Object value = p.value();
            if (p.at != p.text.length()) throw new IllegalArgumentException("extra text");
            return value;
        } catch (RuntimeException e) {
            fail("input line " + number + " is not one JSON value: " + e.getMessage());
            return null;
        }
    }

    private void space() {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) at++;
    }

    private Object value() {
        space();
        if (at >= text.length()) throw new IllegalArgumentException("unexpected end");
        char c = text.charAt(at);
        if (c == '[') {
            at++;
            List<Object> list = new ArrayList<>();
            space();
            if (text.charAt(at) == ']') {
                at++;
                return list;
            }
            while (true) {
                list.add(value());
                space();
                char d = text.charAt(at++);
                if (d == ']') return list;
                if (d != ',') throw new IllegalArgumentException("expected , or ] at " + (at - 1));
            }
        }
        if (c == '"') return string();
        if (text.startsWith("null", at)) {
            at += 4;
            return null;
        }
        if (text.startsWith("true", at)) {
            at += 4;
            return Boolean.TRUE;
        }
        if (text.startsWith("false", at)) {
            at += 5;
            return Boolean.FALSE;
        }
        int start = at;
        boolean integral = true;
        while (at < text.length() && "+-0123456789.eE".indexOf(text.charAt(at)) >= 0) {
            if (".eE".indexOf(text.charAt(at)) >= 0) integral = false;
            at++;
        }
        if (start == at) throw new IllegalArgumentException("unexpected " + c + " at " + at);
        String number = text.substring(start, at);
        return integral ? (Object) Long.parseLong(number) : (Object) Double.parseDouble(number);
    }

    private String string() {
        StringBuilder sb = new StringBuilder();
        at++;
        while (true) {
            char c = text.charAt(at++);
            if (c == '"') return sb.toString();
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            char e = text.charAt(at++);
            switch (e) {
                case 'n': sb.append('\n'); break;
                case 't': sb.append('\t'); break;
                case 'r': sb.append('\r'); break;
                case 'b': sb.append('\b'); break;
                case 'f': sb.append('\f'); break;
                case 'u':
                    sb.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                    at += 4;
                    break;
                default: sb.append(e);
            }
        }
    }

    // -- values in --------------------------------------------------------------------------------

    @SuppressWarnings("unchecked")
    static List<Object> list(Object v) {
        return (List<Object>) v;
    }

    static int toInt(Object v) {
        return (int) (long) (Long) v;
    }

    static long toLong(Object v) {
        return (Long) v;
    }

    static double toDouble(Object v) {
        return ((Number) v).doubleValue();
    }

    static boolean toBool(Object v) {
        return (Boolean) v;
    }

    static String toStr(Object v) {
        return (String) v;
    }

    static char toChar(Object v) {
        return ((String) v).charAt(0);
    }

    static ListNode toListNode(Object v) {
        List<Object> values = list(v);
        ListNode head = null;
        for (int i = values.size() - 1; i >= 0; i--) head = new ListNode(toInt(values.get(i)), head);
        return head;
    }

    static TreeNode toTreeNode(Object v) {
        List<Object> values = list(v);
        if (values.isEmpty()) return null;
        TreeNode root = new TreeNode(toInt(values.get(0)));
        List<TreeNode> level = new ArrayList<>();
        level.add(root);
        int i = 1, n = values.size();
        while (!level.isEmpty() && i < n) {
            List<TreeNode> following = new ArrayList<>();
            for (TreeNode node : level) {
                if (i < n && values.get(i) != null) following.add(node.left = new TreeNode(toInt(values.get(i))));
                i++;
                if (i < n && values.get(i) != null) following.add(node.right = new TreeNode(toInt(values.get(i))));
                i++;
            }
            level = following;
        }
        return root;
    }

    // -- values out -------------------------------------------------------------------------------

    static void put(StringBuilder sb, int v) {
        sb.append(v);
    }

    static void put(StringBuilder sb, long v) {
        sb.append(v);
    }

    static void put(StringBuilder sb, double v) {
        sb.append(Double.isFinite(v) ? Double.toString(v) : "null");
    }

    static void put(StringBuilder sb, boolean v) {
        sb.append(v);
    }

    static void put(StringBuilder sb, char v) {
        put(sb, String.valueOf(v));
    }

    static void put(StringBuilder sb, String v) {
        if (v == null) {
            sb.append("null");
            return;
        }
        sb.append('"');
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '"' || c == '\\') sb.append('\\').append(c);
            else if (c < 0x20) sb.append(String.format("\\u%04x", (int) c));
            else sb.append(c);
        }
        sb.append('"');
    }

    static void put(StringBuilder sb, ListNode v) {
        sb.append('[');
        int count = 0;
        for (; v != null; v = v.next) {
            if (++count > MAX_NODES) throw new IllegalStateException("the list returned has a cycle");
            if (count > 1) sb.append(',');
            sb.append(v.val);
        }
        sb.append(']');
    }

    static void put(StringBuilder sb, TreeNode root) {
        List<TreeNode> queue = new ArrayList<>();
        queue.add(root);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < queue.size(); i++) {
            TreeNode node = queue.get(i);
            if (node == null) {
                out.add("null");
                continue;
            }
            if (queue.size() > MAX_NODES) throw new IllegalStateException("the tree returned has a cycle");
            out.add(Integer.toString(node.val));
            queue.add(node.left);
            queue.add(node.right);
        }
        int end = out.size();
        while (end > 0 && out.get(end - 1).equals("null")) end--;
        sb.append('[').append(String.join(",", out.subList(0, end))).append(']');
    }

    // A codec's input, emptied once serialized: a codec that kept the nodes gives nothing back.
    static void wipe(Object value) {
        List<Object> stack = new ArrayList<>();
        IdentityHashMap<Object, Boolean> seen = new IdentityHashMap<>();
        stack.add(value);
        while (!stack.isEmpty()) {
            Object node = stack.remove(stack.size() - 1);
            if (node == null || seen.put(node, Boolean.TRUE) != null) continue;
            if (node instanceof ListNode) {
                ListNode l = (ListNode) node;
                stack.add(l.next);
                l.next = null;
                l.val = 0;
            } else if (node instanceof TreeNode) {
                TreeNode t = (TreeNode) node;
                stack.add(t.left);
                stack.add(t.right);
                t.left = t.right = null;
                t.val = 0;
            }
        }
    }

    // -- the channel ------------------------------------------------------------------------------

    static void fail(String message) {
        System.err.println("harness: " + message);
        System.exit(2);
    }

    static String[] input() throws IOException {
        String all = new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
        String[] lines = all.split("\n", -1);
        int n = lines.length;
        while (n > 0 && lines[n - 1].isBlank()) n--;
        return java.util.Arrays.copyOf(lines, n);
    }

    static void expect(String[] lines, int count) {
        if (lines.length != count) fail("expected " + count + " lines of input, found " + lines.length);
    }

    // Written to file descriptor 3, which Java opens only through its own FileDescriptor.
    static void result(StringBuilder sb) throws Exception {
        System.out.flush();
        FileDescriptor fd = new FileDescriptor();
        Field field = FileDescriptor.class.getDeclaredField("fd");
        field.setAccessible(true);
        field.setInt(fd, 3);
        try (FileOutputStream out = new FileOutputStream(fd)) {
            out.write(sb.append('\n').toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    // CODEARENA-GLUE: the generator's conversions and main() go here
}

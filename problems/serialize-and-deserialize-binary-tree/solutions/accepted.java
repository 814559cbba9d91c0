import java.io.DataInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;

public class Main {
    static DataInputStream in = new DataInputStream(System.in);
    static byte[] buf = new byte[1 << 16];
    static int bufLen = 0, bufPtr = 0;

    static int read() throws IOException {
        if (bufPtr == bufLen) {
            bufLen = in.read(buf, 0, buf.length);
            bufPtr = 0;
            if (bufLen <= 0) return -1;
        }
        return buf[bufPtr++];
    }

    static final int NULL = Integer.MIN_VALUE;

    // reads a token: an integer, or NULL for the word "null"; words other than null
    // (the format names) are returned through lastWord
    static String lastWord;

    static int nextToken() throws IOException {
        int c = read();
        while (c != -1 && c <= ' ') c = read();
        if (c == '-' || (c >= '0' && c <= '9')) {
            boolean neg = c == '-';
            if (neg) c = read();
            int x = 0;
            while (c >= '0' && c <= '9') {
                x = x * 10 + (c - '0');
                c = read();
            }
            lastWord = null;
            return neg ? -x : x;
        }
        StringBuilder sb = new StringBuilder();
        while (c != -1 && c > ' ') {
            sb.append((char) c);
            c = read();
        }
        lastWord = sb.toString();
        return NULL;
    }

    // tree storage, reused for every test case; -1 means no node
    static int[] val, left, right;
    static int size;

    static int addNode(int v) {
        val[size] = v;
        left[size] = -1;
        right[size] = -1;
        return size++;
    }

    static int fromLevel(int[] toks, int m) {
        size = 0;
        if (m == 0 || toks[0] == NULL) return -1;
        int root = addNode(toks[0]);
        int head = 0, k = 1;
        while (head < size && k < m) {
            if (k < m && toks[k] != NULL) left[head] = addNode(toks[k]);
            k++;
            if (k < m && toks[k] != NULL) right[head] = addNode(toks[k]);
            k++;
            head++;
        }
        return root;
    }

    static int fromPreorder(int[] toks, int m) {
        size = 0;
        if (toks[0] == NULL) return -1;
        int root = addNode(toks[0]);
        int[] stack = new int[m];
        boolean[] filledLeft = new boolean[m];
        int sp = 0;
        stack[sp] = root;
        filledLeft[sp] = false;
        sp++;
        for (int k = 1; k < m; k++) {
            int parent = stack[sp - 1];
            int child = toks[k] == NULL ? -1 : addNode(toks[k]);
            if (!filledLeft[sp - 1]) {
                left[parent] = child;
                filledLeft[sp - 1] = true;
            } else {
                right[parent] = child;
                sp--;
            }
            if (child >= 0) {
                stack[sp] = child;
                filledLeft[sp] = false;
                sp++;
            }
        }
        return root;
    }

    static void toPreorder(int root, StringBuilder out) {
        int[] stack = new int[2 * size + 2];
        int sp = 0, count = 2 * size + 1;
        out.append(count);
        stack[sp++] = root;
        while (sp > 0) {
            int u = stack[--sp];
            out.append(' ');
            if (u < 0) {
                out.append("null");
            } else {
                out.append(val[u]);
                stack[sp++] = right[u];
                stack[sp++] = left[u];
            }
        }
        out.append('\n');
    }

    static void toLevel(int root, StringBuilder out) {
        if (root < 0) {
            out.append("0\n");
            return;
        }
        int[] slots = new int[2 * size + 1]; // node index or -1 per slot
        int[] order = new int[size];
        int ns = 0, head = 0, tail = 0;
        slots[ns++] = root;
        order[tail++] = root;
        while (head < tail) {
            int u = order[head++];
            slots[ns++] = left[u];
            if (left[u] >= 0) order[tail++] = left[u];
            slots[ns++] = right[u];
            if (right[u] >= 0) order[tail++] = right[u];
        }
        while (slots[ns - 1] < 0) ns--;
        out.append(ns);
        for (int i = 0; i < ns; i++) {
            out.append(' ');
            if (slots[i] < 0) out.append("null");
            else out.append(val[slots[i]]);
        }
        out.append('\n');
    }

    public static void main(String[] args) throws IOException {
        int t = nextToken();
        val = new int[16];
        left = new int[16];
        right = new int[16];
        StringBuilder out = new StringBuilder();
        int[] toks = new int[16];
        for (int c = 0; c < t; c++) {
            nextToken();
            String fmt = lastWord;
            int m = nextToken();
            if (toks.length < m + 1) toks = new int[m + 1];
            if (val.length < m + 1) {
                val = new int[m + 1];
                left = new int[m + 1];
                right = new int[m + 1];
            }
            for (int i = 0; i < m; i++) toks[i] = nextToken();
            if (fmt.equals("level")) toPreorder(fromLevel(toks, m), out);
            else toLevel(fromPreorder(toks, m), out);
        }
        PrintWriter pw = new PrintWriter(new BufferedWriter(new OutputStreamWriter(System.out)));
        pw.print(out);
        pw.flush();
    }
}

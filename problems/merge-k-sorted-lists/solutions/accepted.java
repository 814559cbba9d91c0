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

    static int nextInt() throws IOException {
        int c = read();
        while (c != '-' && (c < '0' || c > '9')) c = read();
        boolean neg = false;
        if (c == '-') {
            neg = true;
            c = read();
        }
        int x = 0;
        while (c >= '0' && c <= '9') {
            x = x * 10 + (c - '0');
            c = read();
        }
        return neg ? -x : x;
    }

    static int[] vals, cur, end, heap;
    static int size = 0;

    static boolean less(int a, int b) {
        return vals[cur[a]] < vals[cur[b]];
    }

    static void down(int i) {
        while (true) {
            int l = 2 * i + 1, r = l + 1, m = i;
            if (l < size && less(heap[l], heap[m])) m = l;
            if (r < size && less(heap[r], heap[m])) m = r;
            if (m == i) return;
            int t = heap[m];
            heap[m] = heap[i];
            heap[i] = t;
            i = m;
        }
    }

    public static void main(String[] args) throws IOException {
        int k = nextInt();
        int[] start = new int[k];
        end = new int[k];
        int[] tmp = new int[16];
        int total = 0;
        for (int i = 0; i < k; i++) {
            int n = nextInt();
            start[i] = total;
            for (int j = 0; j < n; j++) {
                if (total == tmp.length) tmp = java.util.Arrays.copyOf(tmp, tmp.length * 2);
                tmp[total++] = nextInt();
            }
            end[i] = total;
        }
        vals = tmp;
        cur = start.clone();
        heap = new int[k];
        for (int i = 0; i < k; i++) {
            if (cur[i] < end[i]) heap[size++] = i;
        }
        for (int i = size / 2 - 1; i >= 0; i--) down(i);
        StringBuilder sb = new StringBuilder();
        sb.append(total).append('\n');
        boolean firstOut = true;
        while (size > 0) {
            int i = heap[0];
            if (!firstOut) sb.append(' ');
            firstOut = false;
            sb.append(vals[cur[i]]);
            cur[i]++;
            if (cur[i] >= end[i]) {
                heap[0] = heap[--size];
            }
            if (size > 0) down(0);
        }
        sb.append('\n');
        PrintWriter pw = new PrintWriter(new BufferedWriter(new OutputStreamWriter(System.out)));
        pw.print(sb);
        pw.flush();
    }
}

import java.io.DataInputStream;
import java.io.IOException;
import java.util.Arrays;

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

    static String next() throws IOException {
        int c = read();
        while (c != -1 && c <= ' ') c = read();
        StringBuilder sb = new StringBuilder();
        while (c != -1 && c > ' ') {
            sb.append((char) c);
            c = read();
        }
        return sb.toString();
    }

    // 5 bits per letter (1..26); a hidden position is encoded as 0
    static long encode(String w) {
        long x = 0;
        for (int i = 0; i < w.length(); i++) x |= (long) (w.charAt(i) - 'a' + 1) << (5 * i);
        return x;
    }

    public static void main(String[] args) throws IOException {
        String begin = next(), end = next();
        int n = Integer.parseInt(next());
        int L = begin.length();
        long[] code = new long[n + 1];
        int endId = -1, beginId = -1;
        for (int i = 0; i < n; i++) {
            String w = next();
            code[i] = encode(w);
            if (w.equals(end)) endId = i;
            if (w.equals(begin)) beginId = i;
        }
        if (endId < 0) {
            System.out.println(0);
            return;
        }
        int total = n;
        if (beginId < 0) {
            beginId = n;
            code[n] = encode(begin);
            total = n + 1;
        }
        // group ids of every (word, hidden position), via sorted unique keys
        long[] keys = new long[total * L];
        for (int i = 0; i < total; i++)
            for (int p = 0; p < L; p++) keys[i * L + p] = code[i] & ~(31L << (5 * p));
        long[] uniq = keys.clone();
        Arrays.sort(uniq);
        int g = 0;
        for (int i = 0; i < uniq.length; i++)
            if (i == 0 || uniq[i] != uniq[i - 1]) uniq[g++] = uniq[i];
        int[] gid = new int[total * L];
        int[] cnt = new int[g + 1];
        for (int i = 0; i < keys.length; i++) {
            gid[i] = Arrays.binarySearch(uniq, 0, g, keys[i]);
            if (i / L != n || beginId != n) cnt[gid[i] + 1]++; // begin (if extra) is not a member
        }
        for (int i = 0; i < g; i++) cnt[i + 1] += cnt[i];
        int[] members = new int[cnt[g]];
        int[] fill = Arrays.copyOf(cnt, g);
        for (int i = 0; i < n * L; i++) members[fill[gid[i]]++] = i / L;
        boolean[] used = new boolean[g];
        int[] dist = new int[total];
        Arrays.fill(dist, 0);
        int[] queue = new int[total];
        int head = 0, tail = 0;
        queue[tail++] = beginId;
        dist[beginId] = 1;
        while (head < tail) {
            int u = queue[head++];
            for (int p = 0; p < L; p++) {
                int grp = gid[u * L + p];
                if (used[grp]) continue;
                used[grp] = true;
                for (int k = cnt[grp]; k < cnt[grp + 1]; k++) {
                    int v = members[k];
                    if (dist[v] == 0) {
                        dist[v] = dist[u] + 1;
                        if (v == endId) {
                            System.out.println(dist[v]);
                            return;
                        }
                        queue[tail++] = v;
                    }
                }
            }
        }
        System.out.println(0);
    }
}

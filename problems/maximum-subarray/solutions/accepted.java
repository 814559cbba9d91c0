import java.io.*;

public class Main {
    private static final DataInputStream in = new DataInputStream(new BufferedInputStream(System.in, 1 << 16));

    private static long nextLong() throws IOException {
        int c = in.read();
        while (c != '-' && (c < '0' || c > '9')) c = in.read();
        boolean neg = false;
        if (c == '-') {
            neg = true;
            c = in.read();
        }
        long v = 0;
        while (c >= '0' && c <= '9') {
            v = v * 10 + (c - '0');
            c = in.read();
        }
        return neg ? -v : v;
    }

    public static void main(String[] args) throws IOException {
        int n = (int) nextLong();
        long best = Long.MIN_VALUE;
        long cur = 0;
        for (int k = 0; k < n; k++) {
            long x = nextLong();
            cur = cur > 0 ? cur + x : x;
            if (cur > best) best = cur;
        }
        System.out.println(best);
    }
}

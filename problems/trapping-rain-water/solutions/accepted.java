import java.io.DataInputStream;
import java.io.IOException;

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
        while (c < '0' || c > '9') c = read();
        int x = 0;
        while (c >= '0' && c <= '9') {
            x = x * 10 + (c - '0');
            c = read();
        }
        return x;
    }

    public static void main(String[] args) throws IOException {
        int n = nextInt();
        int[] h = new int[n];
        for (int i = 0; i < n; i++) h[i] = nextInt();
        // prefix maxima from the left, then a right-to-left sweep
        int[] leftMax = new int[n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            m = Math.max(m, h[i]);
            leftMax[i] = m;
        }
        long water = 0;
        int rightMax = 0;
        for (int i = n - 1; i >= 0; i--) {
            rightMax = Math.max(rightMax, h[i]);
            water += Math.min(leftMax[i], rightMax) - h[i];
        }
        System.out.println(water);
    }
}

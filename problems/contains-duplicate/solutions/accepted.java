import java.io.*;
import java.util.*;

public class Main {
    private static final DataInputStream in = new DataInputStream(new BufferedInputStream(System.in, 1 << 16));

    private static int nextInt() throws IOException {
        int c = in.read();
        while (c != '-' && (c < '0' || c > '9')) c = in.read();
        boolean neg = false;
        if (c == '-') {
            neg = true;
            c = in.read();
        }
        int v = 0;
        while (c >= '0' && c <= '9') {
            v = v * 10 + (c - '0');
            c = in.read();
        }
        return neg ? -v : v;
    }

    public static void main(String[] args) throws IOException {
        int n = nextInt();
        int[] a = new int[n];
        for (int k = 0; k < n; k++) a[k] = nextInt();
        Arrays.sort(a);
        boolean dup = false;
        for (int k = 1; k < n; k++) {
            if (a[k] == a[k - 1]) {
                dup = true;
                break;
            }
        }
        System.out.println(dup ? "true" : "false");
    }
}

import java.io.*;
import java.util.*;

public class Main {
    public static void main(String[] args) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(System.in, 1 << 16));
        int n = (int) readLong(in);
        long target = readLong(in);
        HashMap<Long, Integer> first = new HashMap<>(2 * n + 16);
        String answer = "-1";
        for (int j = 0; j < n; j++) {
            long v = readLong(in);
            Integer i = first.get(target - v);
            if (i != null) {
                answer = i + " " + j;
                break;
            }
            first.putIfAbsent(v, j);
        }
        System.out.println(answer);
    }

    private static long readLong(DataInputStream in) throws IOException {
        int c = in.read();
        while (c == ' ' || c == '\n' || c == '\r' || c == '\t') c = in.read();
        boolean neg = false;
        if (c == '-') {
            neg = true;
            c = in.read();
        }
        long r = 0;
        while (c >= '0' && c <= '9') {
            r = r * 10 + (c - '0');
            c = in.read();
        }
        return neg ? -r : r;
    }
}

import java.io.*;
import java.util.*;

public class Main {
    // Prefix sums counted in a hash map: O(n). The count needs a long.
    public static void main(String[] args) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(System.in, 1 << 16));
        int n = (int) readLong(in);
        long k = readLong(in);
        HashMap<Long, Integer> seen = new HashMap<>(2 * n + 2);
        seen.put(0L, 1);
        long prefix = 0, count = 0;
        for (int i = 0; i < n; i++) {
            prefix += readLong(in);
            count += seen.getOrDefault(prefix - k, 0);
            seen.merge(prefix, 1, Integer::sum);
        }
        System.out.println(count);
    }

    private static long readLong(DataInputStream in) throws IOException {
        int c = in.read();
        while (c == ' ' || c == '\n' || c == '\r') c = in.read();
        boolean negative = c == '-';
        if (negative) c = in.read();
        long value = 0;
        while (c >= '0' && c <= '9') {
            value = value * 10 + (c - '0');
            c = in.read();
        }
        return negative ? -value : value;
    }
}

import java.io.*;
import java.util.*;

public class Main {
    public static void main(String[] args) throws IOException {
        StreamTokenizer in = new StreamTokenizer(new BufferedReader(new InputStreamReader(System.in)));
        in.nextToken();
        int n = (int) in.nval;
        // pack each interval into one long (start in the high bits) so a primitive sort orders them
        long[] packed = new long[n];
        for (int k = 0; k < n; k++) {
            in.nextToken();
            long l = (long) in.nval;
            in.nextToken();
            long r = (long) in.nval;
            packed[k] = (l << 31) | r;
        }
        Arrays.sort(packed);
        long mask = (1L << 31) - 1;
        long[] ls = new long[n];
        long[] rs = new long[n];
        int m = 0;
        for (int k = 0; k < n; k++) {
            long l = packed[k] >>> 31;
            long r = packed[k] & mask;
            if (m > 0 && l <= rs[m - 1]) {
                if (r > rs[m - 1]) rs[m - 1] = r;
            } else {
                ls[m] = l;
                rs[m] = r;
                m++;
            }
        }
        StringBuilder sb = new StringBuilder(m * 22 + 8);
        sb.append(m).append('\n');
        for (int k = 0; k < m; k++) sb.append(ls[k]).append(' ').append(rs[k]).append('\n');
        PrintWriter out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(System.out)));
        out.print(sb);
        out.flush();
    }
}

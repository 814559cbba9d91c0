import java.io.*;
import java.util.*;

public class Main {
    public static void main(String[] args) throws IOException {
        StreamTokenizer in = new StreamTokenizer(new BufferedReader(new InputStreamReader(System.in)));
        in.nextToken();
        int m = (int) in.nval;
        in.nextToken();
        int n = (int) in.nval;
        long[] a = new long[m];
        for (int k = 0; k < m; k++) {
            in.nextToken();
            a[k] = (long) in.nval;
        }
        long[] b = new long[n];
        for (int k = 0; k < n; k++) {
            in.nextToken();
            b[k] = (long) in.nval;
        }
        if (m > n) {
            long[] t = a;
            a = b;
            b = t;
            int s = m;
            m = n;
            n = s;
        }
        // Binary search on how many elements of the shorter array a go to the left half.
        final long NEG = Long.MIN_VALUE, POS = Long.MAX_VALUE;
        int half = (m + n + 1) / 2;
        int lo = 0, hi = m;
        long aLeft, aRight, bLeft, bRight;
        while (true) {
            int i = (lo + hi) / 2;
            int j = half - i;
            aLeft = i > 0 ? a[i - 1] : NEG;
            aRight = i < m ? a[i] : POS;
            bLeft = j > 0 ? b[j - 1] : NEG;
            bRight = j < n ? b[j] : POS;
            if (aLeft > bRight) hi = i - 1;
            else if (bLeft > aRight) lo = i + 1;
            else break;
        }
        long left = Math.max(aLeft, bLeft);
        double median = (m + n) % 2 == 1 ? left : (left + Math.min(aRight, bRight)) / 2.0;
        System.out.println(String.format(Locale.ROOT, "%.1f", median));
    }
}

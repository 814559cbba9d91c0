import java.io.*;
import java.util.*;

// Divide and conquer by rounds: merge lists 0+1, 2+3, ... until one list remains.
// Bug: when a round has an odd number of lists, the last one is silently dropped.
public class Main {
    static int[] merge(int[] a, int[] b) {
        int[] out = new int[a.length + b.length];
        int i = 0, j = 0, o = 0;
        while (i < a.length && j < b.length) out[o++] = a[i] <= b[j] ? a[i++] : b[j++];
        while (i < a.length) out[o++] = a[i++];
        while (j < b.length) out[o++] = b[j++];
        return out;
    }

    public static void main(String[] args) throws IOException {
        StreamTokenizer st = new StreamTokenizer(new BufferedInputStream(System.in));
        st.nextToken();
        int k = (int) st.nval;
        List<int[]> lists = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            st.nextToken();
            int n = (int) st.nval;
            int[] l = new int[n];
            for (int j = 0; j < n; j++) {
                st.nextToken();
                l[j] = (int) st.nval;
            }
            lists.add(l);
        }
        while (lists.size() > 1) {
            List<int[]> next = new ArrayList<>();
            for (int i = 0; i + 1 < lists.size(); i += 2) next.add(merge(lists.get(i), lists.get(i + 1)));
            lists = next;
        }
        int[] res = lists.isEmpty() ? new int[0] : lists.get(0);
        StringBuilder sb = new StringBuilder();
        sb.append(res.length).append('\n');
        for (int i = 0; i < res.length; i++) {
            if (i > 0) sb.append(' ');
            sb.append(res[i]);
        }
        sb.append('\n');
        System.out.print(sb);
    }
}

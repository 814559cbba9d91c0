import java.io.*;
import java.util.*;

// Sorts an Integer[] and compares neighbours with ==, which compares references:
// it only works for values in the Integer cache (-128..127).
public class Main {
    public static void main(String[] args) throws IOException {
        BufferedReader br = new BufferedReader(new InputStreamReader(System.in));
        int n = Integer.parseInt(br.readLine().trim());
        StringTokenizer st = new StringTokenizer(br.readLine());
        Integer[] a = new Integer[n];
        for (int k = 0; k < n; k++) a[k] = Integer.valueOf(st.nextToken());
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

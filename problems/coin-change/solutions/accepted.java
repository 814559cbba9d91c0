import java.io.*;
import java.util.*;

public class Main {
    public static void main(String[] args) throws IOException {
        StreamTokenizer in = new StreamTokenizer(new BufferedReader(new InputStreamReader(System.in)));
        in.nextToken();
        int n = (int) in.nval;
        in.nextToken();
        int amount = (int) in.nval;
        int inf = amount + 1;
        int[] dp = new int[amount + 1]; // dp[a] = fewest coins summing to a
        Arrays.fill(dp, inf);
        dp[0] = 0;
        for (int k = 0; k < n; k++) {
            in.nextToken();
            long c = (long) in.nval;
            if (c > amount) continue;
            int ci = (int) c;
            for (int a = ci; a <= amount; a++) {
                int t = dp[a - ci] + 1;
                if (t < dp[a]) dp[a] = t;
            }
        }
        System.out.println(dp[amount] == inf ? -1 : dp[amount]);
    }
}

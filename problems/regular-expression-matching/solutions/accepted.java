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

    static String next() throws IOException {
        int c = read();
        while (c != -1 && c <= ' ') c = read();
        StringBuilder sb = new StringBuilder();
        while (c != -1 && c > ' ') {
            sb.append((char) c);
            c = read();
        }
        return sb.toString();
    }

    static boolean isMatch(String s, String p) {
        int n = s.length(), m = p.length();
        // dp[i][j] = s[i:] matches p[j:]
        boolean[][] dp = new boolean[n + 1][m + 2];
        dp[n][m] = true;
        for (int i = n; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                char pj = p.charAt(j);
                if (pj == '*') continue;
                boolean first = i < n && (pj == '.' || pj == s.charAt(i));
                if (j + 1 < m && p.charAt(j + 1) == '*') {
                    dp[i][j] = dp[i][j + 2] || (first && dp[i + 1][j]);
                } else {
                    dp[i][j] = first && dp[i + 1][j + 1];
                }
            }
        }
        return dp[0][0];
    }

    public static void main(String[] args) throws IOException {
        int q = Integer.parseInt(next());
        StringBuilder out = new StringBuilder();
        for (int k = 0; k < q; k++) {
            String s = next();
            String p = next();
            out.append(isMatch(s, p) ? "true" : "false").append('\n');
        }
        System.out.print(out);
    }
}

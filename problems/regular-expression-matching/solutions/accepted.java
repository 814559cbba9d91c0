class Solution {
    public boolean isMatch(String s, String p) {
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
}

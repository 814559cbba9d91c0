class Solution {
public:
    bool isMatch(string s, string p) {
        int n = s.size(), m = p.size();
        // dp[i][j] = s[i:] matches p[j:]
        vector<vector<char>> dp(n + 1, vector<char>(m + 2, 0));
        dp[n][m] = 1;
        for (int i = n; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                char pj = p[j];
                if (pj == '*') continue;
                bool first = i < n && (pj == '.' || pj == s[i]);
                if (j + 1 < m && p[j + 1] == '*') {
                    dp[i][j] = dp[i][j + 2] || (first && dp[i + 1][j]);
                } else {
                    dp[i][j] = first && dp[i + 1][j + 1];
                }
            }
        }
        return dp[0][0];
    }
};

#include <bits/stdc++.h>
using namespace std;

// Forward DP: dp[i][j] = first i letters of s match first j pattern characters.
// Bug in the empty-string row: it marks every prefix ending in '*' as matching the
// empty string, forgetting that everything before it must match the empty string too
// (e.g. "ab*" cannot match "").
static bool isMatch(const string& s, const string& p) {
    int n = s.size(), m = p.size();
    vector<vector<char>> dp(n + 1, vector<char>(m + 1, 0));
    dp[0][0] = 1;
    for (int j = 1; j <= m; j++) {
        if (p[j - 1] == '*') dp[0][j] = 1;
    }
    for (int i = 1; i <= n; i++) {
        for (int j = 1; j <= m; j++) {
            if (p[j - 1] == '*') {
                bool zero = j >= 2 && dp[i][j - 2];
                bool more = j >= 2 && (p[j - 2] == '.' || p[j - 2] == s[i - 1]) && dp[i - 1][j];
                dp[i][j] = zero || more;
            } else {
                dp[i][j] = (p[j - 1] == '.' || p[j - 1] == s[i - 1]) && dp[i - 1][j - 1];
            }
        }
    }
    return dp[n][m];
}

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int q;
    cin >> q;
    for (int k = 0; k < q; k++) {
        string s, p;
        cin >> s >> p;
        cout << (isMatch(s, p) ? "true" : "false") << '\n';
    }
    return 0;
}

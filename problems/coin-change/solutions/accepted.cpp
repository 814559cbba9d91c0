#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n, amount;
    cin >> n >> amount;
    const int inf = amount + 1;
    vector<int> dp(amount + 1, inf);  // dp[a] = fewest coins summing to a
    dp[0] = 0;
    for (int k = 0; k < n; k++) {
        long long c;
        cin >> c;
        if (c > amount) continue;
        for (int a = (int)c; a <= amount; a++) dp[a] = min(dp[a], dp[a - c] + 1);
    }
    cout << (dp[amount] == inf ? -1 : dp[amount]) << "\n";
    return 0;
}

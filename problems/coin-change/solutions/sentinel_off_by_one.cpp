// Mistake: uses amount itself as "unreachable", so an answer of exactly amount coins
// (only 1-coins, or amount = 0) is reported as -1.
#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n, amount;
    cin >> n >> amount;
    vector<int> dp(amount + 1, amount);
    dp[0] = 0;
    for (int k = 0; k < n; k++) {
        long long c;
        cin >> c;
        if (c > amount) continue;
        for (int a = (int)c; a <= amount; a++) dp[a] = min(dp[a], dp[a - c] + 1);
    }
    cout << (dp[amount] == amount ? -1 : dp[amount]) << "\n";
    return 0;
}

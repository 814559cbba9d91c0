#include <bits/stdc++.h>
using namespace std;

// Correct algorithm, but the sums are kept in 32-bit ints.
int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n;
    if (!(cin >> n)) return 0;
    int best = INT_MIN, cur = 0;
    for (int k = 0; k < n; k++) {
        int x;
        cin >> x;
        cur = max(x, cur + x);
        best = max(best, cur);
    }
    cout << best << "\n";
    return 0;
}

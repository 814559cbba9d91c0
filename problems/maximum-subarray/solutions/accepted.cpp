#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n;
    if (!(cin >> n)) return 0;
    long long best = LLONG_MIN, cur = 0;
    for (int k = 0; k < n; k++) {
        long long x;
        cin >> x;
        cur = cur > 0 ? cur + x : x;
        best = max(best, cur);
    }
    cout << best << "\n";
    return 0;
}

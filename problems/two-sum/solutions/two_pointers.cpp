// Sort + two pointers: finds *a* pair in O(n log n), but not necessarily the one
// the statement asks for (smallest j, then smallest i).
#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n;
    long long target;
    cin >> n >> target;
    vector<pair<long long, int>> a(n);
    for (int k = 0; k < n; k++) {
        cin >> a[k].first;
        a[k].second = k;
    }
    sort(a.begin(), a.end());
    int l = 0, r = n - 1;
    while (l < r) {
        long long s = a[l].first + a[r].first;
        if (s == target) {
            int i = min(a[l].second, a[r].second), j = max(a[l].second, a[r].second);
            cout << i << " " << j << "\n";
            return 0;
        }
        if (s < target) l++;
        else r--;
    }
    cout << -1 << "\n";
    return 0;
}

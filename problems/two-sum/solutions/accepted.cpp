#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n;
    long long target;
    cin >> n >> target;
    vector<long long> a(n);
    for (auto &x : a) cin >> x;
    unordered_map<long long, int> first;  // value -> first position where it occurs
    first.reserve(2 * n + 16);
    for (int j = 0; j < n; j++) {
        auto it = first.find(target - a[j]);
        if (it != first.end()) {
            cout << it->second << " " << j << "\n";
            return 0;
        }
        first.emplace(a[j], j);  // keeps the first position if the value repeats
    }
    cout << -1 << "\n";
    return 0;
}

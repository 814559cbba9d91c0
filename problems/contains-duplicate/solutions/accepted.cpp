#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n;
    if (!(cin >> n)) return 0;
    vector<int> a(n);
    for (auto &x : a) cin >> x;
    sort(a.begin(), a.end());
    bool dup = adjacent_find(a.begin(), a.end()) != a.end();
    cout << (dup ? "true" : "false") << "\n";
    return 0;
}

// Mistake: sweeps the intervals in input order without sorting them first.
#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n;
    cin >> n;
    vector<pair<long long, long long>> iv(n);
    for (auto &p : iv) cin >> p.first >> p.second;
    vector<pair<long long, long long>> merged;
    for (auto &p : iv) {
        if (!merged.empty() && p.first <= merged.back().second) {
            merged.back().second = max(merged.back().second, p.second);
        } else {
            merged.push_back(p);
        }
    }
    cout << merged.size() << "\n";
    for (auto &p : merged) cout << p.first << " " << p.second << "\n";
    return 0;
}

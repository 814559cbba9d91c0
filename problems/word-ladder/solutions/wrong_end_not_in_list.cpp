#include <bits/stdc++.h>
using namespace std;

// BFS over one-letter changes. Bug: it checks for endWord before checking that the
// changed word is in the dictionary, so an endWord missing from the dictionary can
// still be "reached".
int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    string begin, end;
    int n;
    cin >> begin >> end >> n;
    unordered_set<string> dict;
    dict.reserve(2 * n + 1);
    for (int i = 0; i < n; i++) {
        string w;
        cin >> w;
        dict.insert(w);
    }
    queue<pair<string, int>> q;
    q.push({begin, 1});
    dict.erase(begin);
    while (!q.empty()) {
        auto [w, d] = q.front();
        q.pop();
        for (size_t i = 0; i < w.size(); i++) {
            char orig = w[i];
            for (char c = 'a'; c <= 'z'; c++) {
                if (c == orig) continue;
                w[i] = c;
                if (w == end) {
                    cout << d + 1 << '\n';
                    return 0;
                }
                auto it = dict.find(w);
                if (it != dict.end()) {
                    dict.erase(it);
                    q.push({w, d + 1});
                }
            }
            w[i] = orig;
        }
    }
    cout << 0 << '\n';
    return 0;
}

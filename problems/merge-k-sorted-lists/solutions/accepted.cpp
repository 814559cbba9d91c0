#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int k;
    if (!(cin >> k)) return 0;
    vector<vector<int>> lists(k);
    size_t total = 0;
    for (int i = 0; i < k; i++) {
        int n;
        cin >> n;
        lists[i].resize(n);
        for (int j = 0; j < n; j++) cin >> lists[i][j];
        total += n;
    }
    // min-heap of (value, list index); pos[i] is the next unread position of list i
    typedef pair<int, int> P;
    priority_queue<P, vector<P>, greater<P>> pq;
    vector<int> pos(k, 0);
    for (int i = 0; i < k; i++)
        if (!lists[i].empty()) pq.push({lists[i][0], i});
    string out;
    out.reserve(total * 12 + 16);
    out += to_string(total);
    out += '\n';
    bool first = true;
    while (!pq.empty()) {
        P t = pq.top();
        pq.pop();
        if (!first) out += ' ';
        first = false;
        out += to_string(t.first);
        int i = t.second;
        if (++pos[i] < (int)lists[i].size()) pq.push({lists[i][pos[i]], i});
    }
    out += '\n';
    cout << out;
    return 0;
}

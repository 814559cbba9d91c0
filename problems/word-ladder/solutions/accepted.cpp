#include <bits/stdc++.h>
using namespace std;

// 5 bits per letter (1..26); a hidden position is encoded as 0
static uint64_t encode(const string& w) {
    uint64_t x = 0;
    for (size_t i = 0; i < w.size(); i++) x |= (uint64_t)(w[i] - 'a' + 1) << (5 * i);
    return x;
}

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    string begin, end;
    int n;
    cin >> begin >> end >> n;
    int L = begin.size();
    vector<uint64_t> code(n + 1);
    int endId = -1, beginId = -1;
    for (int i = 0; i < n; i++) {
        string w;
        cin >> w;
        code[i] = encode(w);
        if (w == end) endId = i;
        if (w == begin) beginId = i;
    }
    if (endId < 0) {
        cout << 0 << '\n';
        return 0;
    }
    int total = n;
    if (beginId < 0) {
        beginId = n;
        code[n] = encode(begin);
        total = n + 1;
    }
    // (key, word) pairs sorted by key: each run of equal keys is one group of neighbours
    vector<pair<uint64_t, int>> pr;
    pr.reserve((size_t)total * L);
    for (int i = 0; i < total; i++)
        for (int p = 0; p < L; p++) pr.push_back({code[i] & ~(31ULL << (5 * p)), i});
    sort(pr.begin(), pr.end());
    vector<int> groupStart;
    vector<int> gid((size_t)total * L);
    vector<int> members;
    members.reserve(pr.size());
    for (size_t k = 0; k < pr.size(); k++) {
        if (k == 0 || pr[k].first != pr[k - 1].first) groupStart.push_back(members.size());
        int g = groupStart.size() - 1;
        int w = pr[k].second;
        // recover which position was hidden: the nibble that is zero in the key
        for (int p = 0; p < L; p++)
            if (((pr[k].first >> (5 * p)) & 31ULL) == 0) {
                gid[(size_t)w * L + p] = g;
                break;
            }
        if (w < n) members.push_back(w);
    }
    int G = groupStart.size();
    groupStart.push_back(members.size());
    vector<char> used(G, 0);
    vector<int> dist(total, 0), queue;
    queue.reserve(total);
    queue.push_back(beginId);
    dist[beginId] = 1;
    for (size_t h = 0; h < queue.size(); h++) {
        int u = queue[h];
        for (int p = 0; p < L; p++) {
            int g = gid[(size_t)u * L + p];
            if (used[g]) continue;
            used[g] = 1;
            for (int k = groupStart[g]; k < groupStart[g + 1]; k++) {
                int v = members[k];
                if (dist[v] == 0) {
                    dist[v] = dist[u] + 1;
                    if (v == endId) {
                        cout << dist[v] << '\n';
                        return 0;
                    }
                    queue.push_back(v);
                }
            }
        }
    }
    cout << 0 << '\n';
    return 0;
}

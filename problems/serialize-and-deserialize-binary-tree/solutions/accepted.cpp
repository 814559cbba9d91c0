#include <bits/stdc++.h>
using namespace std;

// Tree stored in arrays; -1 means no node. NUL marks a "null" token.
static const int NUL = INT_MIN;
static vector<int> val, lft, rgt;

static int addNode(int v) {
    val.push_back(v);
    lft.push_back(-1);
    rgt.push_back(-1);
    return (int)val.size() - 1;
}

static int fromLevel(const vector<int>& toks) {
    val.clear(); lft.clear(); rgt.clear();
    int m = toks.size();
    if (m == 0 || toks[0] == NUL) return -1;
    int root = addNode(toks[0]);
    int head = 0, k = 1;
    while (head < (int)val.size() && k < m) {
        if (k < m && toks[k] != NUL) { int c = addNode(toks[k]); lft[head] = c; }
        k++;
        if (k < m && toks[k] != NUL) { int c = addNode(toks[k]); rgt[head] = c; }
        k++;
        head++;
    }
    return root;
}

static int fromPreorder(const vector<int>& toks) {
    val.clear(); lft.clear(); rgt.clear();
    if (toks[0] == NUL) return -1;
    int root = addNode(toks[0]);
    vector<pair<int, bool>> st;  // (node, left child already read)
    st.push_back({root, false});
    for (size_t k = 1; k < toks.size(); k++) {
        int parent = st.back().first;
        int child = toks[k] == NUL ? -1 : addNode(toks[k]);
        if (!st.back().second) {
            lft[parent] = child;
            st.back().second = true;
        } else {
            rgt[parent] = child;
            st.pop_back();
        }
        if (child >= 0) st.push_back({child, false});
    }
    return root;
}

static void put(string& out, int v) {
    if (v < 0) { out += "null"; return; }
    out += to_string(val[v]);
}

static void toPreorder(int root, string& out) {
    out += to_string(2 * val.size() + 1);
    vector<int> st = {root};
    while (!st.empty()) {
        int u = st.back();
        st.pop_back();
        out += ' ';
        put(out, u);
        if (u >= 0) {
            st.push_back(rgt[u]);
            st.push_back(lft[u]);
        }
    }
    out += '\n';
}

static void toLevel(int root, string& out) {
    if (root < 0) { out += "0\n"; return; }
    vector<int> slots = {root}, order = {root};
    for (size_t h = 0; h < order.size(); h++) {
        int u = order[h];
        for (int c : {lft[u], rgt[u]}) {
            slots.push_back(c);
            if (c >= 0) order.push_back(c);
        }
    }
    while (slots.back() < 0) slots.pop_back();
    out += to_string(slots.size());
    for (int s : slots) {
        out += ' ';
        put(out, s);
    }
    out += '\n';
}

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int t;
    if (!(cin >> t)) return 0;
    string out, fmt, tok;
    for (int c = 0; c < t; c++) {
        int m;
        cin >> fmt >> m;
        vector<int> toks(m);
        for (int i = 0; i < m; i++) {
            cin >> tok;
            toks[i] = tok == "null" ? NUL : stoi(tok);
        }
        if (fmt == "level") toPreorder(fromLevel(toks), out);
        else toLevel(fromPreorder(toks), out);
    }
    cout << out;
    return 0;
}

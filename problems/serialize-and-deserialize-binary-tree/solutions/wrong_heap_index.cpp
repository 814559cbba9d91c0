#include <bits/stdc++.h>
using namespace std;

// Reads the level-order serialization as if it were a heap array: the children of the
// token at index i are at 2i+1 and 2i+2. That is only right when no null has anything
// after it on deeper levels; in the real format null slots get no children.
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
    vector<int> id(m, -1);
    for (int i = 0; i < m; i++)
        if (toks[i] != NUL) id[i] = addNode(toks[i]);
    for (int i = 0; i < m; i++) {
        if (id[i] < 0) continue;
        if (2 * i + 1 < m) lft[id[i]] = id[2 * i + 1];
        if (2 * i + 2 < m) rgt[id[i]] = id[2 * i + 2];
    }
    return m > 0 ? id[0] : -1;
}

static int fromPreorder(const vector<int>& toks) {
    val.clear(); lft.clear(); rgt.clear();
    if (toks[0] == NUL) return -1;
    int root = addNode(toks[0]);
    vector<pair<int, bool>> st;
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
    if (v < 0) out += "null";
    else out += to_string(val[v]);
}

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int t;
    cin >> t;
    string out, fmt, tok;
    for (int c = 0; c < t; c++) {
        int m;
        cin >> fmt >> m;
        vector<int> toks(m);
        for (int i = 0; i < m; i++) {
            cin >> tok;
            toks[i] = tok == "null" ? NUL : stoi(tok);
        }
        if (fmt == "level") {
            int root = fromLevel(toks);
            // count the nodes reachable from the root: the output has 2 * reachable + 1 tokens
            vector<int> res, st = {root};
            while (!st.empty()) {
                int u = st.back();
                st.pop_back();
                res.push_back(u);
                if (u >= 0) {
                    st.push_back(rgt[u]);
                    st.push_back(lft[u]);
                }
            }
            out += to_string(res.size());
            for (int u : res) {
                out += ' ';
                put(out, u);
            }
            out += '\n';
        } else {
            int root = fromPreorder(toks);
            if (root < 0) {
                out += "0\n";
                continue;
            }
            vector<int> slots = {root}, order = {root};
            for (size_t h = 0; h < order.size(); h++) {
                int u = order[h];
                for (int ch : {lft[u], rgt[u]}) {
                    slots.push_back(ch);
                    if (ch >= 0) order.push_back(ch);
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
    }
    cout << out;
    return 0;
}

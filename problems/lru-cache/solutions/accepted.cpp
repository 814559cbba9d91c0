#include <bits/stdc++.h>
using namespace std;

// Keys are at most 100000, so the doubly linked list is indexed by key directly.
// HEAD is a sentinel: nxt[HEAD] is the least recently used key, prv[HEAD] the most recent.
const int MAXK = 100000;
const int HEAD = MAXK + 1;
int prv[MAXK + 2], nxt[MAXK + 2];
long long val[MAXK + 2];
bool present[MAXK + 2];

void unlink(int k) {
    nxt[prv[k]] = nxt[k];
    prv[nxt[k]] = prv[k];
}

void push_back(int k) {
    int last = prv[HEAD];
    nxt[last] = k;
    prv[k] = last;
    nxt[k] = HEAD;
    prv[HEAD] = k;
}

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int capacity, q;
    cin >> capacity >> q;
    prv[HEAD] = nxt[HEAD] = HEAD;
    int size = 0;
    string op, out;
    for (int i = 0; i < q; i++) {
        cin >> op;
        if (op == "put") {
            int key;
            long long value;
            cin >> key >> value;
            if (present[key]) {
                unlink(key);
            } else {
                if (size == capacity) {
                    int old = nxt[HEAD];
                    unlink(old);
                    present[old] = false;
                    size--;
                }
                present[key] = true;
                size++;
            }
            val[key] = value;
            push_back(key);
        } else {
            int key;
            cin >> key;
            if (present[key]) {
                unlink(key);
                push_back(key);
                out += to_string(val[key]);
            } else {
                out += "-1";
            }
            out += '\n';
        }
    }
    cout << out;
    return 0;
}

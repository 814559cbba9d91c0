// Mistake: updating the value of a cached key leaves its position in the recency list unchanged.
#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int capacity, q;
    cin >> capacity >> q;
    list<pair<int, long long>> order;  // most recently used first
    unordered_map<int, list<pair<int, long long>>::iterator> where;
    string op;
    for (int i = 0; i < q; i++) {
        cin >> op;
        if (op == "put") {
            int key;
            long long value;
            cin >> key >> value;
            auto it = where.find(key);
            if (it != where.end()) {
                it->second->second = value;
                continue;
            }
            if ((int)order.size() == capacity) {
                where.erase(order.back().first);
                order.pop_back();
            }
            order.emplace_front(key, value);
            where[key] = order.begin();
        } else {
            int key;
            cin >> key;
            auto it = where.find(key);
            if (it == where.end()) {
                cout << -1 << "\n";
            } else {
                order.splice(order.begin(), order, it->second);
                cout << it->second->second << "\n";
            }
        }
    }
    return 0;
}

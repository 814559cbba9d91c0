#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n;
    if (!(cin >> n)) return 0;
    vector<long long> h(n);
    for (auto& x : h) cin >> x;
    // monotonic stack: fill water layer by layer between a bar and the previous higher one
    vector<int> st;
    long long water = 0;
    for (int i = 0; i < n; i++) {
        while (!st.empty() && h[st.back()] < h[i]) {
            int bottom = st.back();
            st.pop_back();
            if (st.empty()) break;
            int left = st.back();
            long long level = min(h[left], h[i]) - h[bottom];
            water += level * (i - left - 1);
        }
        st.push_back(i);
    }
    cout << water << '\n';
    return 0;
}

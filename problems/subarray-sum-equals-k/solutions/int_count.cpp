// The O(n) prefix-sum count, but kept in 32 bits: right on the small group, wrong on the large
// test whose answer (20000100000) does not fit. Scores 40.
#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n;
    long long k;
    cin >> n >> k;
    unordered_map<long long, int> seen;
    seen.reserve(2 * n + 2);
    seen[0] = 1;
    long long prefix = 0;
    unsigned count = 0;  // wraps at 2^32
    for (int i = 0; i < n; i++) {
        long long x;
        cin >> x;
        prefix += x;
        auto found = seen.find(prefix - k);
        if (found != seen.end()) count += found->second;
        seen[prefix]++;
    }
    cout << count << "\n";
    return 0;
}

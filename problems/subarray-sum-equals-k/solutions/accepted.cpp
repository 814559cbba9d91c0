// Prefix sums counted in a hash map: a subarray sums to k when two prefix sums differ by k. O(n),
// with 64-bit sums and count.
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
    long long prefix = 0, count = 0;
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

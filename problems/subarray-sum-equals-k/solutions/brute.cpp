// Every subarray, its sum kept as it grows: O(n^2). Right, and fast enough for the small group
// (n <= 1000); out of time on the large one. Scores 40.
#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n;
    long long k;
    cin >> n >> k;
    vector<long long> a(n);
    for (auto &x : a) cin >> x;
    long long count = 0;
    for (int i = 0; i < n; i++) {
        long long total = 0;
        for (int j = i; j < n; j++) {
            total += a[j];
            if (total == k) count++;
        }
    }
    cout << count << "\n";
    return 0;
}

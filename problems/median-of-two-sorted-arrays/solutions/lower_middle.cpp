// Mistake: for an even count prints the lower of the two middle values instead of their mean.
#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int m, n;
    cin >> m >> n;
    vector<long long> x(m + n);
    for (auto &v : x) cin >> v;
    vector<long long> merged(m + n);
    merge(x.begin(), x.begin() + m, x.begin() + m, x.end(), merged.begin());
    int total = m + n;
    cout << merged[(total - 1) / 2] << "\n";
    return 0;
}

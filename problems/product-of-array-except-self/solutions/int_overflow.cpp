// Mistake: 32-bit products; the answers go up to 10^18.
#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n;
    cin >> n;
    vector<int> a(n);
    for (auto &x : a) cin >> x;
    vector<int> answer(n);
    unsigned run = 1;  // unsigned so the overflow wraps instead of being undefined
    for (int i = 0; i < n; i++) {
        answer[i] = (int)run;
        run *= (unsigned)a[i];
    }
    run = 1;
    for (int i = n - 1; i >= 0; i--) {
        answer[i] = (int)((unsigned)answer[i] * run);
        run *= (unsigned)a[i];
    }
    for (int k = 0; k < n; k++) cout << answer[k] << (k + 1 < n ? ' ' : '\n');
    return 0;
}

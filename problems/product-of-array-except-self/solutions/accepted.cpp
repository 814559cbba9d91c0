#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n;
    cin >> n;
    vector<long long> a(n);
    for (auto &x : a) cin >> x;
    vector<long long> answer(n);
    long long run = 1;
    for (int i = 0; i < n; i++) {
        answer[i] = run;
        run *= a[i];
    }
    run = 1;
    for (int i = n - 1; i >= 0; i--) {
        answer[i] *= run;
        run *= a[i];
    }
    string out;
    out.reserve((size_t)n * 8);
    for (int k = 0; k < n; k++) {
        if (k > 0) out += ' ';
        out += to_string(answer[k]);
    }
    out += '\n';
    cout << out;
    return 0;
}

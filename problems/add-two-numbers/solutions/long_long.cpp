#include <bits/stdc++.h>
using namespace std;

// Turns each list into a long long, adds, and splits the sum back into digits:
// fine for short lists, wrong as soon as the numbers do not fit in 64 bits.
int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    long long x = 0, y = 0, p;
    int n, m, d;
    cin >> n;
    p = 1;
    for (int k = 0; k < n; k++) {
        cin >> d;
        x += d * p;
        p *= 10;
    }
    cin >> m;
    p = 1;
    for (int k = 0; k < m; k++) {
        cin >> d;
        y += d * p;
        p *= 10;
    }
    long long s = x + y;
    vector<int> digits;
    if (s == 0) digits.push_back(0);
    while (s > 0) {
        digits.push_back(s % 10);
        s /= 10;
    }
    cout << digits.size() << "\n";
    for (size_t k = 0; k < digits.size(); k++) cout << digits[k] << (k + 1 < digits.size() ? " " : "");
    cout << "\n";
    return 0;
}

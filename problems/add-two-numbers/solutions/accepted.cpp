#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n, m;
    if (!(cin >> n)) return 0;
    vector<int> a(n);
    for (auto &d : a) cin >> d;
    cin >> m;
    vector<int> b(m);
    for (auto &d : b) cin >> d;

    string out;
    int len = max(n, m), carry = 0, count = 0;
    out.reserve(2 * len + 4);
    for (int k = 0; k < len || carry; k++) {
        int s = carry + (k < n ? a[k] : 0) + (k < m ? b[k] : 0);
        if (count) out += ' ';
        out += char('0' + s % 10);
        carry = s / 10;
        count++;
    }
    cout << count << "\n" << out << "\n";
    return 0;
}

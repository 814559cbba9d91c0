#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n;
    if (!(cin >> n)) return 0;
    string s;
    if (n > 0) cin >> s;
    array<int, 128> last;
    last.fill(-1);
    int left = 0, best = 0;
    for (int i = 0; i < (int)s.size(); i++) {
        unsigned char c = s[i];
        if (last[c] >= left) left = last[c] + 1;
        last[c] = i;
        best = max(best, i - left + 1);
    }
    cout << best << "\n";
    return 0;
}

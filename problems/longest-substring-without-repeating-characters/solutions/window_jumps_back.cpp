#include <bits/stdc++.h>
using namespace std;

// Sliding window that moves the left end to (last position of c) + 1 even when that
// position is already outside the window, so the window can grow back over a repeat
// (for "abba" it answers 3).
int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n;
    if (!(cin >> n)) return 0;
    string s;
    if (n > 0) cin >> s;
    map<char, int> last;
    int left = 0, best = 0;
    for (int i = 0; i < (int)s.size(); i++) {
        char c = s[i];
        if (last.count(c)) left = last[c] + 1;
        last[c] = i;
        best = max(best, i - left + 1);
    }
    cout << best << "\n";
    return 0;
}

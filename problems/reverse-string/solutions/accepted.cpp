#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n;
    string s;
    cin >> n >> s;
    for (size_t i = 0, j = s.size(); i + 1 < j; i++) {
        j--;
        swap(s[i], s[j]);
    }
    cout << s << "\n";
    return 0;
}

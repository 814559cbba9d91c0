// Mistake: getline right after `cin >> n` reads the rest of the first line (an empty string),
// not the second line.
#include <bits/stdc++.h>
using namespace std;

int main() {
    int n;
    string s;
    cin >> n;
    getline(cin, s);
    reverse(s.begin(), s.end());
    cout << s << "\n";
    return 0;
}

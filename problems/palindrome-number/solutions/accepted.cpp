#include <bits/stdc++.h>
using namespace std;

bool isPalindrome(long long x) {
    if (x < 0) return false;
    long long rev = 0, y = x;  // 64-bit: reversing a 10-digit number cannot overflow
    while (y > 0) {
        rev = rev * 10 + y % 10;
        y /= 10;
    }
    return rev == x;
}

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int t;
    cin >> t;
    string out;
    out.reserve((size_t)t * 6);
    for (int k = 0; k < t; k++) {
        long long x;
        cin >> x;
        out += isPalindrome(x) ? "true\n" : "false\n";
    }
    cout << out;
    return 0;
}

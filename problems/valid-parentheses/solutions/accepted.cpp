#include <bits/stdc++.h>
using namespace std;

bool isValid(const string &s) {
    string stack;
    stack.reserve(s.size());
    for (char c : s) {
        if (c == '(' || c == '[' || c == '{') {
            stack.push_back(c);
        } else {
            char need = c == ')' ? '(' : c == ']' ? '[' : '{';
            if (stack.empty() || stack.back() != need) return false;
            stack.pop_back();
        }
    }
    return stack.empty();
}

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int t;
    cin >> t;
    string s, out;
    for (int k = 0; k < t; k++) {
        cin >> s;
        out += isValid(s) ? "true\n" : "false\n";
    }
    cout << out;
    return 0;
}

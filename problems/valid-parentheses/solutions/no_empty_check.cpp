// Mistake: forgets to check that the stack is empty at the end, so "((" is reported as valid.
#include <bits/stdc++.h>
using namespace std;

bool isValid(const string &s) {
    stack<char> st;
    for (char c : s) {
        if (c == '(' || c == '[' || c == '{') {
            st.push(c);
        } else {
            if (st.empty()) return false;
            char top = st.top();
            st.pop();
            if ((c == ')' && top != '(') || (c == ']' && top != '[') || (c == '}' && top != '{'))
                return false;
        }
    }
    return true;
}

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int t;
    cin >> t;
    string s;
    for (int k = 0; k < t; k++) {
        cin >> s;
        cout << (isValid(s) ? "true" : "false") << "\n";
    }
    return 0;
}

#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n;
    cin >> n;
    string out;
    out.reserve((size_t)n * 9);
    for (int i = 1; i <= n; i++) {
        if (i % 15 == 0) out += "FizzBuzz";
        else if (i % 3 == 0) out += "Fizz";
        else if (i % 5 == 0) out += "Buzz";
        else out += to_string(i);
        out += '\n';
    }
    cout << out;
    return 0;
}

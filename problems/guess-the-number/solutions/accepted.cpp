#include <bits/stdc++.h>
using namespace std;

int main() {
    long long low = 1, high = 1000000000;
    string answer;
    while (true) {
        long long guess = (low + high) / 2;
        cout << guess << endl;
        if (!(cin >> answer) || answer == "correct") return 0;
        if (answer == "higher") low = guess + 1; else high = guess - 1;
    }
}

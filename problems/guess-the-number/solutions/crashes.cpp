// Reads the judge's answer as a number: a null pointer dereference on the first "higher"/"lower".
#include <bits/stdc++.h>
using namespace std;

int main() {
    cout << 500000000 << endl;
    string answer;
    cin >> answer;
    if (answer != "correct") {
        volatile int *p = nullptr;
        *p = 1;
    }
    return 0;
}

#include <iostream>
using namespace std;

int main() {
    int n;
    cin >> n;
    while (n--) {
        float a, b;
        cin >> a >> b;
        cout << (long long)(a + b) << "\n";
    }
}

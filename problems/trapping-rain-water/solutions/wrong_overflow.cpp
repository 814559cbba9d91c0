#include <bits/stdc++.h>
using namespace std;

// Correct two-pointer algorithm, but the total is kept in a 32-bit int.
int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n;
    cin >> n;
    vector<int> h(n);
    for (auto& x : h) cin >> x;
    int i = 0, j = n - 1, leftMax = 0, rightMax = 0;
    int water = 0;
    while (i < j) {
        if (h[i] <= h[j]) {
            if (h[i] >= leftMax) leftMax = h[i];
            else water += leftMax - h[i];
            i++;
        } else {
            if (h[j] >= rightMax) rightMax = h[j];
            else water += rightMax - h[j];
            j--;
        }
    }
    cout << water << '\n';
    return 0;
}

#include <cstdio>

int main() {
    int n;
    if (std::scanf("%d", &n) != 1) return 1;
    for (int i = 0; i < n; i++) {
        long long a, b;
        std::scanf("%lld %lld", &a, &b);
        std::printf("%lld\n", a + b);
    }
    return 0;
}

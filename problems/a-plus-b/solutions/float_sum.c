#include <stdio.h>

int main(void) {
    int n;
    if (scanf("%d", &n) != 1) return 1;
    for (int i = 0; i < n; i++) {
        float a, b;
        scanf("%f %f", &a, &b);
        printf("%.0f\n", a + b);
    }
    return 0;
}

// For every bar, scans left and right for the highest bars: correct, but O(n^2).
class Solution {
public:
    long long trap(vector<int>& height) {
        int n = height.size();
        long long water = 0;
        for (int i = 0; i < n; i++) {
            int left = 0, right = 0;
            for (int j = 0; j <= i; j++) left = max(left, height[j]);
            for (int j = i; j < n; j++) right = max(right, height[j]);
            water += min(left, right) - height[i];
        }
        return water;
    }
};

class Solution {
    public long trap(int[] height) {
        int n = height.length;
        // prefix maxima from the left, then a right-to-left sweep
        int[] leftMax = new int[n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            m = Math.max(m, height[i]);
            leftMax[i] = m;
        }
        long water = 0;
        int rightMax = 0;
        for (int i = n - 1; i >= 0; i--) {
            rightMax = Math.max(rightMax, height[i]);
            water += Math.min(leftMax[i], rightMax) - height[i];
        }
        return water;
    }
}

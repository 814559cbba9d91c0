class Solution {
    public long maxSubArray(int[] nums) {
        long best = Long.MIN_VALUE;
        long cur = 0;
        for (int x : nums) {
            cur = cur > 0 ? cur + x : x;
            if (cur > best) best = cur;
        }
        return best;
    }
}

// Correct algorithm, but the sums are kept in 32-bit ints: a thousand values of 10^9 overflow.
class Solution {
public:
    long long maxSubArray(vector<int>& nums) {
        int best = INT_MIN, cur = 0;
        for (int x : nums) {
            cur = max(x, cur + x);
            best = max(best, cur);
        }
        return best;
    }
};

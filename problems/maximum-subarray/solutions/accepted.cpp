class Solution {
public:
    long long maxSubArray(vector<int>& nums) {
        long long best = LLONG_MIN, cur = 0;
        for (int x : nums) {
            cur = max<long long>(x, cur + x);
            best = max(best, cur);
        }
        return best;
    }
};

// The O(n) prefix-sum count, but kept in 32 bits: right on the small group, wrong on the large
// test whose answer (20000100000) does not fit. Scores 40.
class Solution {
public:
    long long subarraySum(vector<int>& nums, int k) {
        unordered_map<long long, int> seen;
        seen.reserve(2 * nums.size() + 2);
        seen[0] = 1;
        long long prefix = 0;
        unsigned count = 0;  // wraps at 2^32
        for (int x : nums) {
            prefix += x;
            auto found = seen.find(prefix - k);
            if (found != seen.end()) count += found->second;
            seen[prefix]++;
        }
        return count;
    }
};

// Prefix sums counted in a hash map: a subarray sums to k when two prefix sums differ by k. O(n),
// with 64-bit sums and count.
class Solution {
public:
    long long subarraySum(vector<int>& nums, int k) {
        unordered_map<long long, int> seen;
        seen.reserve(2 * nums.size() + 2);
        seen[0] = 1;
        long long prefix = 0, count = 0;
        for (int x : nums) {
            prefix += x;
            auto found = seen.find(prefix - k);
            if (found != seen.end()) count += found->second;
            seen[prefix]++;
        }
        return count;
    }
};

// Every subarray, its sum kept as it grows: O(n^2). Right, and fast enough for the small group
// (n <= 1000); out of time on the large one. Scores 40.
class Solution {
public:
    long long subarraySum(vector<int>& nums, int k) {
        long long count = 0;
        int n = nums.size();
        for (int i = 0; i < n; i++) {
            long long total = 0;
            for (int j = i; j < n; j++) {
                total += nums[j];
                if (total == k) count++;
            }
        }
        return count;
    }
};

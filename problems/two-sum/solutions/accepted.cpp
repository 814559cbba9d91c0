class Solution {
public:
    vector<int> twoSum(vector<int>& nums, int target) {
        unordered_map<int, int> first;  // value -> first position where it occurs
        first.reserve(2 * nums.size() + 16);
        for (int j = 0; j < (int)nums.size(); j++) {
            auto it = first.find(target - nums[j]);
            if (it != first.end()) return {it->second, j};
            first.emplace(nums[j], j);  // keeps the first position if the value repeats
        }
        return {};
    }
};

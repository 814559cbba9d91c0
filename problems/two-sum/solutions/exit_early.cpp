// Mistake: writes the answer and ends the program, as a stdin/stdout program would. The
// program ends before twoSum returns, so there is no result: never accepted.
class Solution {
public:
    vector<int> twoSum(vector<int>& nums, int target) {
        unordered_map<int, int> first;
        for (int j = 0; j < (int)nums.size(); j++) {
            auto it = first.find(target - nums[j]);
            if (it != first.end()) {
                printf("[%d,%d]\n", it->second, j);
                exit(0);
            }
            first.emplace(nums[j], j);
        }
        printf("[]\n");
        exit(0);
    }
};

class Solution {
public:
    bool containsDuplicate(vector<int>& nums) {
        vector<int> a(nums);
        sort(a.begin(), a.end());
        return adjacent_find(a.begin(), a.end()) != a.end();
    }
};

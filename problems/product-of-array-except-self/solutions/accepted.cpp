class Solution {
public:
    vector<int> productExceptSelf(vector<int>& nums) {
        int n = nums.size();
        vector<int> answer(n, 1);
        int run = 1;  // product of the prefix before i, then of the suffix after i
        for (int i = 0; i < n; i++) {
            answer[i] = run;
            run *= nums[i];
        }
        run = 1;
        for (int i = n - 1; i >= 0; i--) {
            answer[i] *= run;
            run *= nums[i];
        }
        return answer;
    }
};

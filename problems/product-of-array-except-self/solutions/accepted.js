/**
 * @param {number[]} nums
 * @return {number[]}
 */
var productExceptSelf = function(nums) {
    const n = nums.length;
    const answer = new Array(n);
    let run = 1; // product of the prefix before i, then of the suffix after i
    for (let i = 0; i < n; i++) {
        answer[i] = run;
        run *= nums[i];
    }
    run = 1;
    for (let i = n - 1; i >= 0; i--) {
        answer[i] *= run;
        run *= nums[i];
    }
    return answer;
};

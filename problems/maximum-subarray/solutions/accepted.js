/**
 * @param {number[]} nums
 * @return {number}
 */
var maxSubArray = function(nums) {
    // sums stay below 2^53, so plain Numbers are exact
    let best = nums[0];
    let cur = 0;
    for (const x of nums) {
        cur = cur > 0 ? cur + x : x;
        if (cur > best) best = cur;
    }
    return best;
};

/**
 * @param {number[]} nums
 * @param {number} target
 * @return {number[]}
 */
var twoSum = function(nums, target) {
    const first = new Map(); // value -> first position where it occurs
    for (let j = 0; j < nums.length; j++) {
        const i = first.get(target - nums[j]);
        if (i !== undefined) return [i, j];
        if (!first.has(nums[j])) first.set(nums[j], j);
    }
    return [];
};

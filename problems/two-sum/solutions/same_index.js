// Mistake: stores the current value before looking up its complement,
// so a value equal to target / 2 gets paired with itself.
var twoSum = function(nums, target) {
    const first = new Map();
    for (let j = 0; j < nums.length; j++) {
        if (!first.has(nums[j])) first.set(nums[j], j);
        const i = first.get(target - nums[j]);
        if (i !== undefined) return [i, j];
    }
    return [];
};

// Prefix sums counted in a Map: O(n). Sums and counts stay below 2^53, exact in a Number.
/**
 * @param {number[]} nums
 * @param {number} k
 * @return {number}
 */
var subarraySum = function(nums, k) {
    const seen = new Map([[0, 1]]);
    let prefix = 0;
    let count = 0;
    for (const x of nums) {
        prefix += x;
        count += seen.get(prefix - k) || 0;
        seen.set(prefix, (seen.get(prefix) || 0) + 1);
    }
    return count;
};

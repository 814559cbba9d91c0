// Prefix sums counted in a hash map: O(n). The sums and the count need a long.
class Solution {
    public long subarraySum(int[] nums, int k) {
        HashMap<Long, Integer> seen = new HashMap<>(2 * nums.length + 2);
        seen.put(0L, 1);
        long prefix = 0, count = 0;
        for (int x : nums) {
            prefix += x;
            count += seen.getOrDefault(prefix - k, 0);
            seen.merge(prefix, 1, Integer::sum);
        }
        return count;
    }
}

# Prefix sums: a subarray nums[i..j] sums to k when prefix[j + 1] - prefix[i] == k, so count the
# earlier prefix sums equal to the current one minus k. O(n).
class Solution:
    def subarraySum(self, nums: List[int], k: int) -> int:
        seen = {0: 1}
        prefix = count = 0
        for x in nums:
            prefix += x
            count += seen.get(prefix - k, 0)
            seen[prefix] = seen.get(prefix, 0) + 1
        return count

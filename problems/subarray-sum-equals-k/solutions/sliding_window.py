# A window that grows while its sum is below k and shrinks while it is above: right only when
# no element is negative. Wrong on both groups: scores 0.
class Solution:
    def subarraySum(self, nums: List[int], k: int) -> int:
        count = total = left = 0
        for right in range(len(nums)):
            total += nums[right]
            while left < right and total > k:
                total -= nums[left]
                left += 1
            if total == k:
                count += 1
        return count

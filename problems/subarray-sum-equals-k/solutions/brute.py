# Every subarray, its sum kept as it grows: O(n^2). Right, and fast enough for the small group
# (n <= 1000); out of time on the large one. Scores 40.
class Solution:
    def subarraySum(self, nums: List[int], k: int) -> int:
        count = 0
        for i in range(len(nums)):
            total = 0
            for j in range(i, len(nums)):
                total += nums[j]
                if total == k:
                    count += 1
        return count

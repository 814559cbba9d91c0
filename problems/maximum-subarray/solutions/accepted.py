class Solution:
    def maxSubArray(self, nums: List[int]) -> int:
        best = nums[0]
        cur = 0
        for x in nums:
            # best sum of a subarray ending here: extend the previous one or start anew
            cur = cur + x if cur > 0 else x
            if cur > best:
                best = cur
        return best

# Mistake: divides the product of the whole array by nums[i]. With a zero in the array the
# total is 0, and the zero's own position gets 0 instead of the product of the others.
class Solution:
    def productExceptSelf(self, nums: List[int]) -> List[int]:
        total = 1
        for v in nums:
            total *= v
        return [total // v if v != 0 else 0 for v in nums]

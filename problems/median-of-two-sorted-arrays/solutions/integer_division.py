# Mistake: integer division for an even count, so a median of 2.5 comes back as 2.
class Solution:
    def findMedianSortedArrays(self, nums1: List[int], nums2: List[int]) -> float:
        x = sorted(nums1 + nums2)
        total = len(x)
        if total % 2:
            return x[total // 2]
        return (x[total // 2 - 1] + x[total // 2]) // 2

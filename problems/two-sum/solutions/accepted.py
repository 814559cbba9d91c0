class Solution:
    def twoSum(self, nums: List[int], target: int) -> List[int]:
        first = {}  # value -> first position where it occurs
        for j, v in enumerate(nums):
            i = first.get(target - v)
            if i is not None:
                return [i, j]
            if v not in first:
                first[v] = j
        return []

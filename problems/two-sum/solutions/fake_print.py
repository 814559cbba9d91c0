# Mistake: prints the answer, as a stdin/stdout program would, and returns nothing useful.
# What the function prints is debug output; only what it returns is judged.
class Solution:
    def twoSum(self, nums: List[int], target: int) -> List[int]:
        first = {}
        for j, v in enumerate(nums):
            if target - v in first:
                print([first[target - v], j])
                return []
            first.setdefault(v, j)
        print([])
        return []

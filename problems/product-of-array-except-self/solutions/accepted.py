class Solution:
    def productExceptSelf(self, nums: List[int]) -> List[int]:
        n = len(nums)
        answer = [1] * n
        run = 1  # product of the prefix before i, then of the suffix after i
        for i in range(n):
            answer[i] = run
            run *= nums[i]
        run = 1
        for i in range(n - 1, -1, -1):
            answer[i] *= run
            run *= nums[i]
        return answer

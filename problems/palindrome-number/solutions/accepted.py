class Solution:
    def isPalindrome(self, x: int) -> bool:
        # a leading '-' can never match the last character, so negatives are rejected too
        s = str(x)
        return s == s[::-1]

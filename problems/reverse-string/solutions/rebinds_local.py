# Mistake: `s = s[::-1]` makes a new list and points the local name at it; the caller's list,
# the one that is judged, is left as it was.
class Solution:
    def reverseString(self, s: List[str]) -> None:
        s = s[::-1]

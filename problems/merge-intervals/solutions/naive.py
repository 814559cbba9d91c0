# Correct but quadratic: each new interval is compared with every group merged so far.
class Solution:
    def merge(self, intervals: List[List[int]]) -> List[List[int]]:
        groups = []
        for start, end in intervals:
            kept = []
            for g in groups:
                if g[0] <= end and start <= g[1]:
                    start = min(start, g[0])
                    end = max(end, g[1])
                else:
                    kept.append(g)
            kept.append([start, end])
            groups = kept
        return groups

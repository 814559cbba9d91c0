class Solution:
    def isMatch(self, s: str, p: str) -> bool:
        n, m = len(s), len(p)
        # cur[j] is True when s[i:] matches p[j:], for the current i (from n down to 0).
        cur = [False] * (m + 2)
        cur[m] = True
        for j in range(m - 1, -1, -1):
            if p[j] != '*' and j + 1 < m and p[j + 1] == '*':
                cur[j] = cur[j + 2]
        for i in range(n - 1, -1, -1):
            prev = cur
            cur = [False] * (m + 2)
            c = s[i]
            for j in range(m - 1, -1, -1):
                pj = p[j]
                if pj == '*':
                    continue
                first = pj == c or pj == '.'
                if j + 1 < m and p[j + 1] == '*':
                    cur[j] = cur[j + 2] or (first and prev[j])
                else:
                    cur[j] = first and prev[j + 1]
        return cur[0]

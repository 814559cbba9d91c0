class Solution:
    def ladderLength(self, beginWord: str, endWord: str, wordList: List[str]) -> int:
        if endWord not in set(wordList):
            return 0
        L = len(beginWord)
        # bucket the dictionary by "word with one position hidden"
        buckets = {}
        for w in wordList:
            for i in range(L):
                key = w[:i] + "*" + w[i + 1:]
                b = buckets.get(key)
                if b is None:
                    buckets[key] = [w]
                else:
                    b.append(w)
        dist = {beginWord: 1}
        queue = deque([beginWord])
        while queue:
            w = queue.popleft()
            d = dist[w] + 1
            for i in range(L):
                # every bucket is expanded at most once
                b = buckets.pop(w[:i] + "*" + w[i + 1:], None)
                if b is None:
                    continue
                for v in b:
                    if v not in dist:
                        if v == endWord:
                            return d
                        dist[v] = d
                        queue.append(v)
        return 0

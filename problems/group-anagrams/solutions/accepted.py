class Solution:
    def groupAnagrams(self, strs: List[str]) -> List[List[str]]:
        groups = defaultdict(list)  # sorted letters -> the words made of them
        for w in strs:
            groups["".join(sorted(w))].append(w)
        return list(groups.values())

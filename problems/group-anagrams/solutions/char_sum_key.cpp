// Mistake: uses the sum of the character codes as the group key: anagrams do get equal keys,
// but so do some words that are not anagrams ("ad" and "bc").
class Solution {
public:
    vector<vector<string>> groupAnagrams(vector<string>& strs) {
        map<int, vector<string>> groups;
        for (const string& w : strs) {
            int key = 0;
            for (char c : w) key += c;
            groups[key].push_back(w);
        }
        vector<vector<string>> result;
        for (auto& kv : groups) result.push_back(kv.second);
        return result;
    }
};

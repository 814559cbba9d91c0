class Solution {
public:
    vector<vector<string>> groupAnagrams(vector<string>& strs) {
        unordered_map<string, vector<string>> groups;  // sorted letters -> the words
        for (const string& w : strs) {
            string key = w;
            sort(key.begin(), key.end());
            groups[key].push_back(w);
        }
        vector<vector<string>> result;
        result.reserve(groups.size());
        for (auto& kv : groups) result.push_back(move(kv.second));
        return result;
    }
};

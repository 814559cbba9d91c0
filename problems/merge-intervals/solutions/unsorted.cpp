// Mistake: sweeps the intervals in input order without sorting them first.
class Solution {
public:
    vector<vector<int>> merge(vector<vector<int>>& intervals) {
        vector<vector<int>> merged;
        for (const auto& iv : intervals) {
            if (!merged.empty() && iv[0] <= merged.back()[1]) {
                merged.back()[1] = max(merged.back()[1], iv[1]);
            } else {
                merged.push_back(iv);
            }
        }
        return merged;
    }
};

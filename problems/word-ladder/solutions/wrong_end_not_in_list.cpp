// Mistake: BFS over one-letter changes that checks for endWord before checking that the
// changed word is in the dictionary, so an endWord missing from the dictionary can still be
// "reached".
class Solution {
public:
    int ladderLength(string beginWord, string endWord, vector<string>& wordList) {
        unordered_set<string> dict(wordList.begin(), wordList.end());
        queue<pair<string, int>> q;
        q.push({beginWord, 1});
        dict.erase(beginWord);
        while (!q.empty()) {
            auto [w, d] = q.front();
            q.pop();
            for (size_t i = 0; i < w.size(); i++) {
                char orig = w[i];
                for (char c = 'a'; c <= 'z'; c++) {
                    if (c == orig) continue;
                    w[i] = c;
                    if (w == endWord) return d + 1;
                    auto it = dict.find(w);
                    if (it != dict.end()) {
                        dict.erase(it);
                        q.push({w, d + 1});
                    }
                }
                w[i] = orig;
            }
        }
        return 0;
    }
};

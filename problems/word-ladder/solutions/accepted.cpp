class Solution {
public:
    int ladderLength(string beginWord, string endWord, vector<string>& wordList) {
        if (find(wordList.begin(), wordList.end(), endWord) == wordList.end()) return 0;
        int L = beginWord.size();
        // bucket the dictionary by "word with one position hidden"
        unordered_map<string, vector<int>> buckets;
        buckets.reserve(2 * wordList.size() * L + 16);
        for (int k = 0; k < (int)wordList.size(); k++) {
            string key = wordList[k];
            for (int i = 0; i < L; i++) {
                char c = key[i];
                key[i] = '*';
                buckets[key].push_back(k);
                key[i] = c;
            }
        }
        unordered_map<string, int> dist;
        dist[beginWord] = 1;
        queue<string> q;
        q.push(beginWord);
        while (!q.empty()) {
            string w = q.front();
            q.pop();
            int d = dist[w] + 1;
            for (int i = 0; i < L; i++) {
                char c = w[i];
                w[i] = '*';
                auto it = buckets.find(w);
                w[i] = c;
                if (it == buckets.end()) continue;
                vector<int> b = move(it->second);
                buckets.erase(it);  // every bucket is expanded at most once
                for (int k : b) {
                    const string& v = wordList[k];
                    if (dist.count(v)) continue;
                    if (v == endWord) return d;
                    dist[v] = d;
                    q.push(v);
                }
            }
        }
        return 0;
    }
};

// Sliding window that moves the left end to (last position of c) + 1 even when that
// position is already outside the window, so the window can grow back over a repeat
// (for "abba" it answers 3).
class Solution {
public:
    int lengthOfLongestSubstring(string s) {
        map<char, int> last;
        int left = 0, best = 0;
        for (int i = 0; i < (int)s.size(); i++) {
            char c = s[i];
            if (last.count(c)) left = last[c] + 1;
            last[c] = i;
            best = max(best, i - left + 1);
        }
        return best;
    }
};

class Solution {
    public int lengthOfLongestSubstring(String s) {
        int[] last = new int[128]; // last position + 1 of each ASCII character, 0 if unseen
        int left = 0, best = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            left = Math.max(left, last[c]);
            last[c] = i + 1;
            best = Math.max(best, i - left + 1);
        }
        return best;
    }
}

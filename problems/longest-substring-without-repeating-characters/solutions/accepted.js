/**
 * @param {string} s
 * @return {number}
 */
var lengthOfLongestSubstring = function(s) {
    const last = new Map(); // character -> its last position
    let left = 0, best = 0;
    for (let i = 0; i < s.length; i++) {
        const c = s[i];
        if (last.has(c) && last.get(c) >= left) left = last.get(c) + 1;
        last.set(c, i);
        if (i - left + 1 > best) best = i - left + 1;
    }
    return best;
};

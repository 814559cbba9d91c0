// Mistake: greedy, every "x*" eats as many matching letters as it can, never giving any back,
// so "aaa" against "a*a" fails.
var isMatch = function(s, p) {
    let i = 0;
    let j = 0;
    while (j < p.length) {
        const c = p[j];
        if (j + 1 < p.length && p[j + 1] === '*') {
            while (i < s.length && (c === '.' || s[i] === c)) i++;
            j += 2;
        } else if (i < s.length && (c === '.' || s[i] === c)) {
            i++;
            j++;
        } else {
            return false;
        }
    }
    return i === s.length;
};

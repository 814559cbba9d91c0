// Mistake: only counts each bracket type (never negative, zero at the end), so it
// ignores the order between different types: "([)]" is reported as valid.
var isValid = function(s) {
    let round = 0, square = 0, curly = 0;
    for (const c of s) {
        if (c === '(') round++;
        else if (c === ')') round--;
        else if (c === '[') square++;
        else if (c === ']') square--;
        else if (c === '{') curly++;
        else if (c === '}') curly--;
        if (round < 0 || square < 0 || curly < 0) return false;
    }
    return round === 0 && square === 0 && curly === 0;
};

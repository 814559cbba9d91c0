// Mistake: the half-reversal trick without the "ends in 0" check, so 10, 100, 1010 ... come out true.
var isPalindrome = function(x) {
    if (x < 0) return false;
    let rev = 0;
    while (x > rev) {
        rev = rev * 10 + (x % 10);
        x = Math.floor(x / 10);
    }
    return x === rev || x === Math.floor(rev / 10);
};

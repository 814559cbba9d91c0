/**
 * @param {number} x
 * @return {boolean}
 */
var isPalindrome = function(x) {
    if (x < 0) return false;
    let rev = 0;
    let y = x;
    while (y > 0) {
        rev = rev * 10 + (y % 10); // at most 10 digits, exact in a double
        y = Math.floor(y / 10);
    }
    return rev === x;
};

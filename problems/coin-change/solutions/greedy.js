// Mistake: always takes as many of the largest coin as fit, then the next one, and so on.
/**
 * @param {number[]} coins
 * @param {number} amount
 * @return {number}
 */
var coinChange = function(coins, amount) {
    const sorted = [...coins].sort((x, y) => y - x);
    let rem = amount;
    let count = 0;
    for (const c of sorted) {
        count += Math.floor(rem / c);
        rem %= c;
    }
    return rem === 0 ? count : -1;
};

/**
 * @param {string} s
 * @param {string} p
 * @return {boolean}
 */
var isMatch = function(s, p) {
    const n = s.length;
    const m = p.length;
    // dp[i * (m + 1) + j] = s[i:] matches p[j:]
    const W = m + 1;
    const dp = new Uint8Array((n + 1) * W);
    dp[n * W + m] = 1;
    for (let i = n; i >= 0; i--) {
        for (let j = m - 1; j >= 0; j--) {
            const pj = p[j];
            if (pj === '*') continue;
            const first = i < n && (pj === '.' || pj === s[i]);
            if (j + 1 < m && p[j + 1] === '*') {
                dp[i * W + j] = dp[i * W + j + 2] || (first && dp[(i + 1) * W + j]) ? 1 : 0;
            } else {
                dp[i * W + j] = first && dp[(i + 1) * W + j + 1] ? 1 : 0;
            }
        }
    }
    return dp[0] === 1;
};

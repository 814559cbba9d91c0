/**
 * @param {number[]} nums1
 * @param {number[]} nums2
 * @return {number}
 */
var findMedianSortedArrays = function(nums1, nums2) {
    const [a, b] = nums1.length <= nums2.length ? [nums1, nums2] : [nums2, nums1];
    const m = a.length, n = b.length;
    // Binary search on how many elements of the shorter array a go to the left half.
    const half = Math.floor((m + n + 1) / 2);
    let lo = 0, hi = m;
    let aLeft, aRight, bLeft, bRight;
    for (;;) {
        const i = (lo + hi) >> 1;
        const j = half - i;
        aLeft = i > 0 ? a[i - 1] : -Infinity;
        aRight = i < m ? a[i] : Infinity;
        bLeft = j > 0 ? b[j - 1] : -Infinity;
        bRight = j < n ? b[j] : Infinity;
        if (aLeft > bRight) hi = i - 1;
        else if (bLeft > aRight) lo = i + 1;
        else break;
    }
    const left = Math.max(aLeft, bLeft);
    return (m + n) % 2 ? left : (left + Math.min(aRight, bRight)) / 2;
};

class Solution {
    public double findMedianSortedArrays(int[] nums1, int[] nums2) {
        int[] a = nums1.length <= nums2.length ? nums1 : nums2;
        int[] b = nums1.length <= nums2.length ? nums2 : nums1;
        int m = a.length, n = b.length;
        // Binary search on how many elements of the shorter array a go to the left half.
        final long NEG = Long.MIN_VALUE, POS = Long.MAX_VALUE;
        int half = (m + n + 1) / 2;
        int lo = 0, hi = m;
        long aLeft, aRight, bLeft, bRight;
        while (true) {
            int i = (lo + hi) / 2;
            int j = half - i;
            aLeft = i > 0 ? a[i - 1] : NEG;
            aRight = i < m ? a[i] : POS;
            bLeft = j > 0 ? b[j - 1] : NEG;
            bRight = j < n ? b[j] : POS;
            if (aLeft > bRight) hi = i - 1;
            else if (bLeft > aRight) lo = i + 1;
            else break;
        }
        long left = Math.max(aLeft, bLeft);
        return (m + n) % 2 == 1 ? left : (left + Math.min(aRight, bRight)) / 2.0;
    }
}

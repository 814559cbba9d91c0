class Solution {
public:
    double findMedianSortedArrays(vector<int>& nums1, vector<int>& nums2) {
        const vector<int>& a = nums1.size() <= nums2.size() ? nums1 : nums2;
        const vector<int>& b = nums1.size() <= nums2.size() ? nums2 : nums1;
        int m = a.size(), n = b.size();
        // Binary search on how many elements of the shorter array a go to the left half.
        const long long NEG = LLONG_MIN, POS = LLONG_MAX;
        int half = (m + n + 1) / 2;
        int lo = 0, hi = m;
        long long aLeft, aRight, bLeft, bRight;
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
        long long left = max(aLeft, bLeft);
        return (m + n) % 2 ? (double)left : (left + min(aRight, bRight)) / 2.0;
    }
};

class Solution {
    public int[][] merge(int[][] intervals) {
        int n = intervals.length;
        // pack each interval into one long (start in the high bits) so a primitive sort orders them
        long[] packed = new long[n];
        for (int k = 0; k < n; k++) packed[k] = ((long) intervals[k][0] << 31) | intervals[k][1];
        Arrays.sort(packed);
        long mask = (1L << 31) - 1;
        int[][] merged = new int[n][];
        int m = 0;
        for (long p : packed) {
            int start = (int) (p >>> 31);
            int end = (int) (p & mask);
            if (m > 0 && start <= merged[m - 1][1]) {
                if (end > merged[m - 1][1]) merged[m - 1][1] = end;
            } else {
                merged[m++] = new int[] {start, end};
            }
        }
        return Arrays.copyOf(merged, m);
    }
}

// Mistake: extends the current group to the new interval's end instead of the larger of the two
// ends, so an interval nested inside the group cuts it short.
/**
 * @param {number[][]} intervals
 * @return {number[][]}
 */
var merge = function(intervals) {
    intervals.sort((x, y) => x[0] - y[0]);
    const merged = [];
    for (const [start, end] of intervals) {
        const last = merged[merged.length - 1];
        if (last !== undefined && start <= last[1]) {
            last[1] = end;
        } else {
            merged.push([start, end]);
        }
    }
    return merged;
};

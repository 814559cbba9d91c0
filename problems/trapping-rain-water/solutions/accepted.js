/**
 * @param {number[]} height
 * @return {number}
 */
var trap = function(height) {
    // two pointers: the lower side is bounded by its own running maximum;
    // the total stays below 2^53, so a plain Number is exact
    let i = 0, j = height.length - 1;
    let leftMax = 0, rightMax = 0, water = 0;
    while (i < j) {
        if (height[i] <= height[j]) {
            if (height[i] >= leftMax) leftMax = height[i];
            else water += leftMax - height[i];
            i++;
        } else {
            if (height[j] >= rightMax) rightMax = height[j];
            else water += rightMax - height[j];
            j--;
        }
    }
    return water;
};

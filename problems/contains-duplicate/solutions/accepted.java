class Solution {
    public boolean containsDuplicate(int[] nums) {
        int[] a = nums.clone();
        Arrays.sort(a);
        for (int k = 1; k < a.length; k++) {
            if (a[k] == a[k - 1]) return true;
        }
        return false;
    }
}

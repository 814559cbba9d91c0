class Solution {
    public int[] twoSum(int[] nums, int target) {
        HashMap<Integer, Integer> first = new HashMap<>(2 * nums.length + 16); // value -> first position
        for (int j = 0; j < nums.length; j++) {
            Integer i = first.get(target - nums[j]);
            if (i != null) return new int[] {i, j};
            first.putIfAbsent(nums[j], j);
        }
        return new int[0];
    }
}

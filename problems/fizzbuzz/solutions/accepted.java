class Solution {
    // LeetCode's Java returns List<String>; here the declared type string[] is a String[].
    public String[] fizzBuzz(int n) {
        String[] out = new String[n];
        for (int i = 1; i <= n; i++) {
            if (i % 15 == 0) out[i - 1] = "FizzBuzz";
            else if (i % 3 == 0) out[i - 1] = "Fizz";
            else if (i % 5 == 0) out[i - 1] = "Buzz";
            else out[i - 1] = Integer.toString(i);
        }
        return out;
    }
}

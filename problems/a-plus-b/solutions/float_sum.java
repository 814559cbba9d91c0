import java.util.*;

public class Solution {
    public static void main(String[] args) {
        Scanner in = new Scanner(System.in);
        int n = in.nextInt();
        for (int i = 0; i < n; i++) {
            float a = in.nextFloat();
            float b = in.nextFloat();
            System.out.println((long) (a + b));
        }
    }
}

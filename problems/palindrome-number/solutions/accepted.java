import java.io.*;

public class Main {
    // Reverses only the lower half of the digits, so nothing can overflow.
    static boolean isPalindrome(int x) {
        if (x < 0 || (x % 10 == 0 && x != 0)) return false;
        int rev = 0;
        while (x > rev) {
            rev = rev * 10 + x % 10;
            x /= 10;
        }
        return x == rev || x == rev / 10;
    }

    public static void main(String[] args) throws IOException {
        BufferedReader br = new BufferedReader(new InputStreamReader(System.in), 1 << 16);
        int t = Integer.parseInt(br.readLine().trim());
        StringBuilder sb = new StringBuilder(t * 6);
        for (int k = 0; k < t; k++) {
            int x = Integer.parseInt(br.readLine().trim());
            sb.append(isPalindrome(x) ? "true\n" : "false\n");
        }
        System.out.print(sb);
    }
}

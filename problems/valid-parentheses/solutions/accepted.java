import java.io.*;

public class Main {
    static boolean isValid(String s) {
        char[] stack = new char[s.length()];
        int top = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '(' || c == '[' || c == '{') {
                stack[top++] = c;
            } else {
                char need = c == ')' ? '(' : c == ']' ? '[' : '{';
                if (top == 0 || stack[--top] != need) return false;
            }
        }
        return top == 0;
    }

    public static void main(String[] args) throws IOException {
        BufferedReader br = new BufferedReader(new InputStreamReader(System.in), 1 << 16);
        int t = Integer.parseInt(br.readLine().trim());
        StringBuilder sb = new StringBuilder(t * 6);
        for (int k = 0; k < t; k++) {
            String s = br.readLine().trim();
            sb.append(isValid(s) ? "true\n" : "false\n");
        }
        System.out.print(sb);
    }
}

import java.io.*;

public class Main {
    public static void main(String[] args) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
        long low = 1, high = 1_000_000_000L;
        while (true) {
            long guess = (low + high) / 2;
            System.out.println(guess);
            System.out.flush();
            String answer = in.readLine().trim();
            if (answer.equals("correct")) return;
            if (answer.equals("higher")) low = guess + 1; else high = guess - 1;
        }
    }
}

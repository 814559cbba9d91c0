import java.io.*;

public class Main {
    public static void main(String[] args) throws IOException {
        StreamTokenizer in = new StreamTokenizer(new BufferedReader(new InputStreamReader(System.in)));
        in.nextToken();
        int n = (int) in.nval;
        long[] a = new long[n];
        for (int k = 0; k < n; k++) {
            in.nextToken();
            a[k] = (long) in.nval;
        }
        long[] answer = new long[n];
        long run = 1;
        for (int i = 0; i < n; i++) {
            answer[i] = run;
            run *= a[i];
        }
        run = 1;
        for (int i = n - 1; i >= 0; i--) {
            answer[i] *= run;
            run *= a[i];
        }
        StringBuilder sb = new StringBuilder(n * 8);
        for (int k = 0; k < n; k++) {
            if (k > 0) sb.append(' ');
            sb.append(answer[k]);
        }
        sb.append('\n');
        PrintWriter out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(System.out)));
        out.print(sb);
        out.flush();
    }
}

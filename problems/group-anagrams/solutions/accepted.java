import java.io.*;
import java.util.*;

public class Main {
    public static void main(String[] args) throws IOException {
        BufferedReader br = new BufferedReader(new InputStreamReader(System.in), 1 << 16);
        int n = Integer.parseInt(br.readLine().trim());
        String[] words = new String[n];
        int read = 0;
        while (read < n) {
            String line = br.readLine();
            if (line == null) break;
            StringTokenizer st = new StringTokenizer(line);
            while (st.hasMoreTokens() && read < n) words[read++] = st.nextToken();
        }
        // Visit the words in sorted order: each group's list then comes out sorted, and the
        // groups are created (and kept, by the LinkedHashMap) in the order of their smallest word.
        Arrays.sort(words, 0, read);
        LinkedHashMap<String, List<String>> groups = new LinkedHashMap<>();
        int[] cnt = new int[26];
        for (int k = 0; k < read; k++) {
            String w = words[k];
            Arrays.fill(cnt, 0);
            for (int i = 0; i < w.length(); i++) cnt[w.charAt(i) - 'a']++;
            char[] key = new char[w.length()];
            int p = 0;
            for (int c = 0; c < 26; c++) {
                for (int t = 0; t < cnt[c]; t++) key[p++] = (char) ('a' + c);
            }
            String ks = new String(key);
            List<String> g = groups.get(ks);
            if (g == null) {
                g = new ArrayList<>();
                groups.put(ks, g);
            }
            g.add(w);
        }
        StringBuilder sb = new StringBuilder();
        sb.append(groups.size()).append('\n');
        for (List<String> g : groups.values()) {
            sb.append(g.size());
            for (String w : g) sb.append(' ').append(w);
            sb.append('\n');
        }
        PrintWriter out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(System.out)));
        out.print(sb);
        out.flush();
    }
}

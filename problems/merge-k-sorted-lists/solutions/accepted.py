class Solution:
    def mergeKLists(self, lists: List[Optional[ListNode]]) -> Optional[ListNode]:
        # A min-heap of the current head of every list; the index breaks ties between equal values.
        heap = [(node.val, i, node) for i, node in enumerate(lists) if node]
        heapq.heapify(heap)
        head = tail = ListNode()
        while heap:
            _, i, node = heap[0]
            tail.next = node
            tail = node
            if node.next:
                heapq.heapreplace(heap, (node.next.val, i, node.next))
            else:
                heapq.heappop(heap)
        return head.next

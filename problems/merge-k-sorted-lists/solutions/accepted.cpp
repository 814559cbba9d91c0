class Solution {
public:
    ListNode* mergeKLists(vector<ListNode*>& lists) {
        // A min-heap of the current head of every list.
        auto later = [](ListNode* a, ListNode* b) { return a->val > b->val; };
        priority_queue<ListNode*, vector<ListNode*>, decltype(later)> heap(later);
        for (ListNode* node : lists) if (node) heap.push(node);
        ListNode head;
        ListNode* tail = &head;
        while (!heap.empty()) {
            ListNode* node = heap.top();
            heap.pop();
            tail = tail->next = node;
            if (node->next) heap.push(node->next);
        }
        tail->next = nullptr;
        return head.next;
    }
};

// Turns each list into a long long, adds, and splits the sum back into digits:
// fine for short lists, wrong as soon as the numbers do not fit in 64 bits.
class Solution {
public:
    ListNode* addTwoNumbers(ListNode* l1, ListNode* l2) {
        long long x = 0, y = 0, p = 1;
        for (; l1; l1 = l1->next, p *= 10) x += l1->val * p;
        p = 1;
        for (; l2; l2 = l2->next, p *= 10) y += l2->val * p;
        long long s = x + y;
        ListNode head;
        ListNode* tail = &head;
        do {
            tail = tail->next = new ListNode(s % 10);
            s /= 10;
        } while (s > 0);
        return head.next;
    }
};

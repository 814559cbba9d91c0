// One call per digit: 100000 deep on the largest tests.
class Solution {
public:
    ListNode* addTwoNumbers(ListNode* l1, ListNode* l2, int carry = 0) {
        if (!l1 && !l2 && !carry) return nullptr;
        int total = carry + (l1 ? l1->val : 0) + (l2 ? l2->val : 0);
        return new ListNode(total % 10, addTwoNumbers(l1 ? l1->next : nullptr, l2 ? l2->next : nullptr, total / 10));
    }
};

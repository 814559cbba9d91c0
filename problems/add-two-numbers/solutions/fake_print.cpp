// Mistake: prints the digits of the sum, as a stdin/stdout program would, and returns no list.
// What the function prints is debug output; only what it returns is judged.
class Solution {
public:
    ListNode* addTwoNumbers(ListNode* l1, ListNode* l2) {
        int carry = 0;
        string out = "[";
        while (l1 || l2 || carry) {
            int total = carry + (l1 ? l1->val : 0) + (l2 ? l2->val : 0);
            carry = total / 10;
            if (out.size() > 1) out += ",";
            out += to_string(total % 10);
            l1 = l1 ? l1->next : nullptr;
            l2 = l2 ? l2->next : nullptr;
        }
        cout << out << "]" << endl;
        return nullptr;
    }
};

// Adds digit by digit with a carry, but forgets the carry left over
// after the last digit (999 + 1 comes out as 000).
var addTwoNumbers = function(l1, l2) {
    const head = new ListNode();
    let tail = head;
    let carry = 0;
    while (l1 || l2) {
        const total = carry + (l1 ? l1.val : 0) + (l2 ? l2.val : 0);
        carry = Math.floor(total / 10);
        tail = tail.next = new ListNode(total % 10);
        l1 = l1 && l1.next;
        l2 = l2 && l2.next;
    }
    return head.next;
};

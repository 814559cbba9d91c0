// Mistake: reads the numbers back with a pattern of digits only, so negative values lose their
// sign.
var serialize = function(root) {
    const out = [];
    const queue = [root];
    for (let i = 0; i < queue.length; i++) {
        const node = queue[i];
        if (node === null) out.push('#');
        else {
            out.push(node.val);
            queue.push(node.left, node.right);
        }
    }
    return out.join(',');
};

var deserialize = function(data) {
    const tokens = data.split(',').map((t) => (t === '#' ? '#' : Number(t.match(/\d+/)[0])));
    if (tokens[0] === '#') return null;
    const root = new TreeNode(tokens[0]);
    const queue = [root];
    let i = 1;
    for (let k = 0; k < queue.length; k++) {
        const node = queue[k];
        if (tokens[i] !== '#') queue.push((node.left = new TreeNode(tokens[i])));
        if (tokens[i + 1] !== '#') queue.push((node.right = new TreeNode(tokens[i + 1])));
        i += 2;
    }
    return root;
};

/**
 * Encodes a tree to a single string: its level order, "#" for a missing child.
 *
 * @param {TreeNode} root
 * @return {string}
 */
var serialize = function(root) {
    const out = [];
    const queue = [root];
    for (let i = 0; i < queue.length; i++) {
        const node = queue[i];
        if (node === null) {
            out.push('#');
        } else {
            out.push(node.val);
            queue.push(node.left, node.right);
        }
    }
    return out.join(',');
};

/**
 * Decodes your encoded data to tree.
 *
 * @param {string} data
 * @return {TreeNode}
 */
var deserialize = function(data) {
    const tokens = data.split(',');
    if (tokens[0] === '#') return null;
    const root = new TreeNode(Number(tokens[0]));
    const queue = [root];
    let i = 1;
    for (let k = 0; k < queue.length; k++) {
        const node = queue[k];
        if (tokens[i] !== '#') queue.push((node.left = new TreeNode(Number(tokens[i]))));
        if (tokens[i + 1] !== '#') queue.push((node.right = new TreeNode(Number(tokens[i + 1]))));
        i += 2;
    }
    return root;
};

// Mistake: prints the serialization and ends the program, as a stdin/stdout program would. The
// program ends before the codec's calls return, so there is no result: never accepted.
var serialize = function(root) {
    const out = [];
    const queue = [root];
    for (let i = 0; i < queue.length; i++) {
        const node = queue[i];
        if (node === null) out.push('null');
        else {
            out.push(node.val);
            queue.push(node.left, node.right);
        }
    }
    while (out.length > 0 && out[out.length - 1] === 'null') out.pop();
    console.log('[' + out.join(',') + ']');
    process.exit(0);
};

var deserialize = function(data) {
    return null;
};

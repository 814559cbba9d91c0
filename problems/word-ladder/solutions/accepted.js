/**
 * @param {string} beginWord
 * @param {string} endWord
 * @param {string[]} wordList
 * @return {number}
 */
var ladderLength = function(beginWord, endWord, wordList) {
    if (!wordList.includes(endWord)) return 0;
    const L = beginWord.length;
    // bucket the dictionary by "word with one position hidden"
    const buckets = new Map();
    for (const w of wordList) {
        for (let i = 0; i < L; i++) {
            const key = w.slice(0, i) + '*' + w.slice(i + 1);
            const b = buckets.get(key);
            if (b === undefined) buckets.set(key, [w]);
            else b.push(w);
        }
    }
    const dist = new Map([[beginWord, 1]]);
    const queue = [beginWord];
    for (let head = 0; head < queue.length; head++) {
        const w = queue[head];
        const d = dist.get(w) + 1;
        for (let i = 0; i < L; i++) {
            const key = w.slice(0, i) + '*' + w.slice(i + 1);
            const b = buckets.get(key);
            if (b === undefined) continue;
            buckets.delete(key); // every bucket is expanded at most once
            for (const v of b) {
                if (dist.has(v)) continue;
                if (v === endWord) return d;
                dist.set(v, d);
                queue.push(v);
            }
        }
    }
    return 0;
};

/**
 * @param {string[]} strs
 * @return {string[][]}
 */
var groupAnagrams = function(strs) {
    const groups = new Map(); // sorted letters -> the words made of them
    for (const w of strs) {
        const key = w.split('').sort().join('');
        const g = groups.get(key);
        if (g === undefined) groups.set(key, [w]);
        else g.push(w);
    }
    return [...groups.values()];
};

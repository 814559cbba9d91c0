class Solution {
    public int ladderLength(String beginWord, String endWord, List<String> wordList) {
        if (!wordList.contains(endWord)) return 0;
        int L = beginWord.length();
        // bucket the dictionary by "word with one position hidden"
        HashMap<String, List<String>> buckets = new HashMap<>();
        for (String w : wordList) {
            for (int i = 0; i < L; i++) {
                String key = w.substring(0, i) + '*' + w.substring(i + 1);
                buckets.computeIfAbsent(key, k -> new ArrayList<>()).add(w);
            }
        }
        HashMap<String, Integer> dist = new HashMap<>();
        dist.put(beginWord, 1);
        ArrayDeque<String> queue = new ArrayDeque<>();
        queue.add(beginWord);
        while (!queue.isEmpty()) {
            String w = queue.poll();
            int d = dist.get(w) + 1;
            for (int i = 0; i < L; i++) {
                // every bucket is expanded at most once
                List<String> b = buckets.remove(w.substring(0, i) + '*' + w.substring(i + 1));
                if (b == null) continue;
                for (String v : b) {
                    if (dist.containsKey(v)) continue;
                    if (v.equals(endWord)) return d;
                    dist.put(v, d);
                    queue.add(v);
                }
            }
        }
        return 0;
    }
}

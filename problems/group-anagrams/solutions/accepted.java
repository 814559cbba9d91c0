class Solution {
    public String[][] groupAnagrams(String[] strs) {
        HashMap<String, List<String>> groups = new HashMap<>(); // sorted letters -> the words
        for (String w : strs) {
            char[] letters = w.toCharArray();
            Arrays.sort(letters);
            groups.computeIfAbsent(new String(letters), k -> new ArrayList<>()).add(w);
        }
        String[][] result = new String[groups.size()][];
        int i = 0;
        for (List<String> g : groups.values()) result[i++] = g.toArray(new String[0]);
        return result;
    }
}

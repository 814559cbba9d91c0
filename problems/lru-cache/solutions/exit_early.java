// Mistake: answers the first get by printing it and ending the program, as a stdin/stdout
// program would. The program ends before the calls return, so there is no result.
class LRUCache {
    private final LinkedHashMap<Integer, Integer> cache = new LinkedHashMap<>(16, 0.75f, true);
    private final int capacity;

    public LRUCache(int capacity) {
        this.capacity = capacity;
    }

    public int get(int key) {
        System.out.println(cache.getOrDefault(key, -1));
        System.exit(0);
        return -1;
    }

    public void put(int key, int value) {
        cache.put(key, value);
        if (cache.size() > capacity) cache.remove(cache.keySet().iterator().next());
    }
}

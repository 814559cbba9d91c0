// Mistake: a get returns the value but does not make the key the most recently used.
class LRUCache {
    constructor(capacity) {
        this.capacity = capacity;
        this.cache = new Map();
    }

    get(key) {
        return this.cache.has(key) ? this.cache.get(key) : -1;
    }

    put(key, value) {
        if (this.cache.has(key)) this.cache.delete(key);
        else if (this.cache.size === this.capacity) this.cache.delete(this.cache.keys().next().value);
        this.cache.set(key, value);
    }
}

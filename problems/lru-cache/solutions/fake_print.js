// Mistake: prints what get finds, as a stdin/stdout program would, and returns nothing.
// What the class prints is debug output; only what its methods return is judged.
class LRUCache {
    constructor(capacity) {
        this.capacity = capacity;
        this.cache = new Map();
    }

    get(key) {
        let value = -1;
        if (this.cache.has(key)) {
            value = this.cache.get(key);
            this.cache.delete(key);
            this.cache.set(key, value);
        }
        console.log(value);
    }

    put(key, value) {
        if (this.cache.has(key)) this.cache.delete(key);
        else if (this.cache.size === this.capacity) this.cache.delete(this.cache.keys().next().value);
        this.cache.set(key, value);
    }
}

/**
 * A Map that keeps only the newest `limit` keys (insertion order), so a long load run cannot grow the
 * simulator's memory without bound. Updating an existing key does not refresh its age.
 *
 * The eviction order is kept in a ring of keys rather than read back with `keys().next()`: a Map that is
 * trimmed from the front leaves deleted slots that every `keys().next()` walks again, which made each insert
 * cost O(limit) under load.
 */
export class BoundedMap<K, V> extends Map<K, V> {
  private readonly limit: number;
  private ring: K[] = [];
  private oldest = 0;

  constructor(limit: number) {
    super();
    this.limit = limit;
  }

  override set(key: K, value: V): this {
    if (this.limit > 0 && !this.has(key)) {
      if (this.ring.length < this.limit) {
        this.ring.push(key);
      } else {
        super.delete(this.ring[this.oldest]!);
        this.ring[this.oldest] = key;
        this.oldest = (this.oldest + 1) % this.limit;
      }
    }
    return super.set(key, value);
  }

  override clear(): void {
    super.clear();
    this.ring = [];
    this.oldest = 0;
  }
}

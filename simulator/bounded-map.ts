/**
 * A Map that keeps only the newest `limit` keys (insertion order), so a long load run cannot grow the
 * simulator's memory without bound. Updating an existing key does not refresh its age.
 */
export class BoundedMap<K, V> extends Map<K, V> {
  private readonly limit: number;

  constructor(limit: number) {
    super();
    this.limit = limit;
  }

  override set(key: K, value: V): this {
    if (this.limit > 0 && this.size >= this.limit && !this.has(key)) {
      const oldest = this.keys().next();
      if (!oldest.done) this.delete(oldest.value);
    }
    return super.set(key, value);
  }
}

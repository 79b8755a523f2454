/** A bounded map that forgets the least recently used entry. */
export class Lru<K, V> {
  private readonly map = new Map<K, V>();
  private readonly size: number;

  constructor(size: number) {
    this.size = size;
  }

  get(key: K): V | undefined {
    const value = this.map.get(key);
    if (value !== undefined) {
      this.map.delete(key);
      this.map.set(key, value);
    }
    return value;
  }

  delete(key: K): void {
    this.map.delete(key);
  }

  set(key: K, value: V): void {
    this.map.set(key, value);
    if (this.map.size > this.size) {
      const oldest = this.map.keys().next().value as K;
      this.map.delete(oldest);
    }
  }

  /**
   * The value of `key`, made by `make()` when missing. A promise that rejects is forgotten, so the next call
   * makes it again: a failed fetch is retried, never cached.
   */
  getOrMake<T>(this: Lru<K, Promise<T>>, key: K, make: () => Promise<T>): Promise<T> {
    let cached = this.get(key);
    if (!cached) {
      cached = make();
      cached.catch(() => this.delete(key));
      this.set(key, cached);
    }
    return cached;
  }
}

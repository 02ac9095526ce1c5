/**
 * Results remembered by the text they were computed from (a line, a sentence, a clause), so that a
 * draft edited in one place is worked on again only there. Bounded: the memo starts afresh when full.
 */
export class Memo<V> {
  private map = new Map<string, V>();

  constructor(private readonly limit: number) {}

  get(key: string): V | undefined {
    return this.map.get(key);
  }

  /** Remembers value for key and returns it. */
  set(key: string, value: V): V {
    if (this.map.size >= this.limit) this.map = new Map();
    this.map.set(key, value);
    return value;
  }
}

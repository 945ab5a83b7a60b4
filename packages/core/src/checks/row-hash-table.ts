/** Marks "no row" in the `second` column of a {@link RowHashTable}. */
export const NO_ROW = 0xffffffff;

/**
 * An open-addressing hash table of 64-bit row hashes (two 32-bit lanes) over typed arrays: per distinct row, how many
 * times it occurred, the first two row numbers, the hash of the first row's label and whether rows with this key had
 * different labels.
 *
 * @remarks
 * Linear probing on the first lane, grown to keep the load at most 1/2: about 42 bytes per distinct row at worst
 * (10 million distinct rows: ~420 MB). Row numbers are 32-bit (up to 4,294,967,294 rows per split). With 64-bit
 * hashes, two different rows of 10 million collide with probability ~3e-6.
 *
 * @example
 * ```ts
 * const table = new RowHashTable();
 * table.add(h1, h2, 0, 0);
 * table.find(h1, h2); // slot index, or -1
 * ```
 */
export class RowHashTable {
  // Set by `allocate` (constructor and `grow`).
  private mask = 0;
  /** Distinct keys held. */
  size = 0;
  key1 = new Uint32Array(0);
  key2 = new Uint32Array(0);
  /** Rows with this key; 0 marks an empty slot. */
  count = new Uint32Array(0);
  first = new Uint32Array(0);
  second = new Uint32Array(0);
  label = new Uint32Array(0);
  /** 1 when rows with this key have different label hashes. */
  conflict = new Uint8Array(0);

  /** @param capacity - initial number of slots (a power of two is used) */
  constructor(capacity = 1024) {
    let slots = 16;
    while (slots < capacity) slots *= 2;
    this.allocate(slots);
  }

  /** Number of slots. */
  get capacity(): number {
    return this.mask + 1;
  }

  /**
   * Adds `count` rows with key (h1, h2), the first at row `row` (and the second at `second`, if known).
   * @returns the slot
   */
  add(h1: number, h2: number, row: number, label: number, count = 1, second = NO_ROW, conflict = 0): number {
    if ((this.size + 1) * 2 > this.capacity) this.grow();
    let slot = h1 & this.mask;
    for (;;) {
      const c = this.count[slot];
      if (c === 0) {
        this.key1[slot] = h1;
        this.key2[slot] = h2;
        this.count[slot] = count;
        this.first[slot] = row;
        this.second[slot] = count > 1 ? second : NO_ROW;
        this.label[slot] = label;
        this.conflict[slot] = conflict;
        this.size++;
        return slot;
      }
      if (this.key1[slot] === h1 && this.key2[slot] === h2) {
        this.count[slot] = c + count;
        if (this.second[slot] === NO_ROW) this.second[slot] = row;
        if (this.label[slot] !== label || conflict !== 0) this.conflict[slot] = 1;
        return slot;
      }
      slot = (slot + 1) & this.mask;
    }
  }

  /** The slot holding key (h1, h2), or -1. */
  find(h1: number, h2: number): number {
    let slot = h1 & this.mask;
    for (;;) {
      if (this.count[slot] === 0) return -1;
      if (this.key1[slot] === h1 && this.key2[slot] === h2) return slot;
      slot = (slot + 1) & this.mask;
    }
  }

  /**
   * Adds every key of `other`, whose row numbers are shifted by `rowOffset` (the rows this table's split had before
   * the other part began).
   */
  merge(other: RowHashTable, rowOffset: number): void {
    for (let s = 0; s < other.capacity; s++) {
      const c = other.count[s];
      if (c === 0) continue;
      const second = other.second[s] === NO_ROW ? NO_ROW : other.second[s] + rowOffset;
      this.add(other.key1[s], other.key2[s], other.first[s] + rowOffset, other.label[s], c, second, other.conflict[s]);
    }
  }

  /** Fresh, empty arrays of `slots` slots (a power of two). */
  private allocate(slots: number): void {
    this.mask = slots - 1;
    this.key1 = new Uint32Array(slots);
    this.key2 = new Uint32Array(slots);
    this.count = new Uint32Array(slots);
    this.first = new Uint32Array(slots);
    this.second = new Uint32Array(slots);
    this.label = new Uint32Array(slots);
    this.conflict = new Uint8Array(slots);
  }

  private grow(): void {
    const old = { k1: this.key1, k2: this.key2, c: this.count, f: this.first, s: this.second, l: this.label, x: this.conflict };
    const slots = this.capacity * 2;
    this.allocate(slots);
    for (let s = 0; s < old.c.length; s++) {
      if (old.c[s] === 0) continue;
      let slot = old.k1[s] & this.mask;
      while (this.count[slot] !== 0) slot = (slot + 1) & this.mask;
      this.key1[slot] = old.k1[s];
      this.key2[slot] = old.k2[s];
      this.count[slot] = old.c[s];
      this.first[slot] = old.f[s];
      this.second[slot] = old.s[s];
      this.label[slot] = old.l[s];
      this.conflict[slot] = old.x[s];
    }
  }
}

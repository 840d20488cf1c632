// customer_code → a number, in typed arrays off the JS heap: what an import keeps per row, a million rows long.

/**
 * An open-addressing hash table from text (customer codes) to numbers, plus an arena for more text
 * (customer ids) the numbers can point at. Text is stored as bytes: one per character when every
 * character fits in Latin-1 (codes and ids nearly always do), two otherwise. A million codes with
 * their ids take ~80 MB as JS strings in a Map, walked by every major GC; here ~70 bytes a code.
 */
export class CodeTable {
  private capacity = 1024; // slots, a power of two, kept at most half full
  private slots = new Uint32Array(this.capacity); // 1 + the key's offset in `bytes`, 0 = empty
  private values = new Float64Array(this.capacity); // NaN: the key was deleted
  private bytes = new Uint8Array(16 * 1024); // each text: 4 header bytes (length × 2 + wide), then its characters
  private used = 0;
  private filled = 0; // slots taken, deleted keys' too
  private count = 0;

  /** Keys held (deleted ones not counted). */
  get size(): number {
    return this.count;
  }

  get(key: string): number | undefined {
    const slot = this.find(key);
    const value = this.values[slot]!;
    return this.slots[slot] === 0 || Number.isNaN(value) ? undefined : value;
  }

  set(key: string, value: number): void {
    const slot = this.find(key);
    if (this.slots[slot] === 0) {
      this.slots[slot] = this.store(key) + 1;
      this.values[slot] = value;
      this.count += 1;
      if (++this.filled * 2 > this.capacity) this.grow();
      return;
    }
    if (Number.isNaN(this.values[slot]!)) this.count += 1;
    this.values[slot] = value;
  }

  /** The key stays in the table, its value gone: a code deleted is rare, and set again it reuses its slot. */
  delete(key: string): void {
    const slot = this.find(key);
    if (this.slots[slot] === 0 || Number.isNaN(this.values[slot]!)) return;
    this.values[slot] = Number.NaN;
    this.count -= 1;
  }

  /** Keeps `text` in the arena; returns where, for textAt(). */
  store(text: string): number {
    let wide = false;
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0xff) wide = true;
    const size = 4 + text.length * (wide ? 2 : 1);
    if (this.used + size > this.bytes.length) {
      const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.used + size));
      grown.set(this.bytes.subarray(0, this.used));
      this.bytes = grown;
    }
    const at = this.used;
    const header = text.length * 2 + (wide ? 1 : 0);
    for (let i = 0; i < 4; i++) this.bytes[at + i] = Math.floor(header / 256 ** i) % 256;
    for (let i = 0; i < text.length; i++) {
      const unit = text.charCodeAt(i);
      if (wide) {
        this.bytes[at + 4 + i * 2] = unit & 0xff;
        this.bytes[at + 5 + i * 2] = unit >> 8;
      } else this.bytes[at + 4 + i] = unit;
    }
    this.used += size;
    return at;
  }

  /** The text store() kept at `at`. */
  textAt(at: number): string {
    const { length, wide } = this.headerAt(at);
    let text = "";
    for (let i = 0; i < length; i++) text += String.fromCharCode(this.unitAt(at, wide, i));
    return text;
  }

  /** Whether the text kept at `at` is `text`, without making a string of it. */
  holds(at: number, text: string): boolean {
    const { length, wide } = this.headerAt(at);
    if (length !== text.length) return false;
    for (let i = 0; i < length; i++) if (this.unitAt(at, wide, i) !== text.charCodeAt(i)) return false;
    return true;
  }

  private headerAt(at: number): { length: number; wide: boolean } {
    const b = this.bytes;
    const header = b[at]! + b[at + 1]! * 0x100 + b[at + 2]! * 0x10000 + b[at + 3]! * 0x1000000;
    return { length: Math.floor(header / 2), wide: header % 2 === 1 };
  }

  private unitAt(at: number, wide: boolean, i: number): number {
    return wide ? this.bytes[at + 4 + i * 2]! | (this.bytes[at + 5 + i * 2]! << 8) : this.bytes[at + 4 + i]!;
  }

  /** The slot holding `key`, or the empty slot where it belongs. */
  private find(key: string): number {
    const mask = this.capacity - 1;
    let hash = 0x811c9dc5;
    for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
    let slot = hash & mask;
    while (this.slots[slot] !== 0 && !this.holds(this.slots[slot]! - 1, key)) slot = (slot + 1) & mask;
    return slot;
  }

  private grow(): void {
    const { slots, values } = this;
    this.capacity *= 2;
    this.slots = new Uint32Array(this.capacity);
    this.values = new Float64Array(this.capacity);
    for (let i = 0; i < slots.length; i++) {
      if (slots[i] === 0) continue;
      const slot = this.find(this.textAt(slots[i]! - 1));
      this.slots[slot] = slots[i]!;
      this.values[slot] = values[i]!;
    }
  }
}

// customer_code → a number, in typed arrays off the JS heap: what an import keeps per row, a million rows long.

/** Arena pages of 1 MiB: places (page × span + offset) stay below 2^32 up to 4 GiB of text. */
const PAGE_SPAN = 2 ** 20;
const DELETED = 0xffffffff;

/**
 * An open-addressing hash table from text (customer codes) to numbers, plus an arena for more text
 * (customer ids) the numbers can point at. Text is stored as bytes: one per character when every
 * character fits in Latin-1 (codes and ids nearly always do), two otherwise. A million codes with
 * their ids take ~130 MB as JS strings in a Map, walked by every major GC; here ~70 MB.
 */
export class CodeTable {
  private capacity = 1024; // slots, a power of two, kept at most three quarters full
  private slots = new Uint32Array(this.capacity); // 1 + the key's place in the arena, 0 = empty
  private values = new Uint32Array(this.capacity);
  // The arena in pages, never copied to grow (a doubled array would need three times the text at once).
  // Each text: 4 header bytes (length × 2 + wide), then its characters; a text never spans pages.
  private pages: Uint8Array[] = [];
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
    return this.slots[slot] === 0 || value === DELETED ? undefined : value;
  }

  /** `value`: a whole number below 2^32 - 1 (a row number, or a place store() returned). */
  set(key: string, value: number): void {
    const slot = this.find(key);
    if (this.slots[slot] === 0) {
      this.slots[slot] = this.store(key) + 1;
      this.values[slot] = value;
      this.count += 1;
      if (++this.filled * 4 > this.capacity * 3) this.grow();
      return;
    }
    if (this.values[slot] === DELETED) this.count += 1;
    this.values[slot] = value;
  }

  /** The key stays in the table, its value gone: a code deleted is rare, and set again it reuses its slot. */
  delete(key: string): void {
    const slot = this.find(key);
    if (this.slots[slot] === 0 || this.values[slot] === DELETED) return;
    this.values[slot] = DELETED;
    this.count -= 1;
  }

  /** Keeps `text` in the arena; returns where, for textAt(). */
  store(text: string): number {
    let wide = false;
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0xff) wide = true;
    const size = 4 + text.length * (wide ? 2 : 1);
    const last = this.pages.at(-1);
    if (last === undefined || this.used + size > last.length) {
      // a text longer than a page gets a page of its own
      this.pages.push(new Uint8Array(Math.max(PAGE_SPAN, size)));
      this.used = 0;
    }
    const page = this.pages.at(-1)!;
    const start = this.used;
    const header = text.length * 2 + (wide ? 1 : 0);
    for (let i = 0; i < 4; i++) page[start + i] = Math.floor(header / 256 ** i) % 256;
    for (let i = 0; i < text.length; i++) {
      const unit = text.charCodeAt(i);
      if (wide) {
        page[start + 4 + i * 2] = unit & 0xff;
        page[start + 5 + i * 2] = unit >> 8;
      } else page[start + 4 + i] = unit;
    }
    this.used += size;
    return (this.pages.length - 1) * PAGE_SPAN + start;
  }

  /** The text store() kept at `at`. */
  textAt(at: number): string {
    const { page, start, length, wide } = this.headerAt(at);
    let text = "";
    for (let i = 0; i < length; i++) text += String.fromCharCode(CodeTable.unitAt(page, start, wide, i));
    return text;
  }

  /** Whether the text kept at `at` is `text`, without making a string of it. */
  holds(at: number, text: string): boolean {
    const { page, start, length, wide } = this.headerAt(at);
    if (length !== text.length) return false;
    for (let i = 0; i < length; i++) if (CodeTable.unitAt(page, start, wide, i) !== text.charCodeAt(i)) return false;
    return true;
  }

  private headerAt(at: number): { page: Uint8Array; start: number; length: number; wide: boolean } {
    const page = this.pages[Math.floor(at / PAGE_SPAN)]!;
    const start = at % PAGE_SPAN;
    const header = page[start]! + page[start + 1]! * 0x100 + page[start + 2]! * 0x10000 + page[start + 3]! * 0x1000000;
    return { page, start, length: Math.floor(header / 2), wide: header % 2 === 1 };
  }

  private static unitAt(page: Uint8Array, start: number, wide: boolean, i: number): number {
    return wide ? page[start + 4 + i * 2]! | (page[start + 5 + i * 2]! << 8) : page[start + 4 + i]!;
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
    this.values = new Uint32Array(this.capacity);
    for (let i = 0; i < slots.length; i++) {
      if (slots[i] === 0) continue;
      const slot = this.find(this.textAt(slots[i]! - 1));
      this.slots[slot] = slots[i]!;
      this.values[slot] = values[i]!;
    }
  }
}

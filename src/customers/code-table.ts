// customer_code → a number, in typed arrays off the JS heap: what an import keeps per row, a million rows long.

/** Arena pages of 1 MiB: places (page × span + offset) stay below 2^32 up to 4 GiB of text. */
const PAGE_SPAN = 2 ** 20;
const DELETED = 0xffffffff;
/** How a text is kept: a byte a character, two, or a lower-case UUID (the API's customer_id) in 16 bytes. */
type Kind = 0 | 1 | 2;
const LATIN1 = 0;
const WIDE = 1;
const UUID_KIND = 2;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const HEX = "0123456789abcdef";

/**
 * An open-addressing hash table from text (customer codes) to numbers, plus an arena for more text
 * (customer ids) the numbers can point at. Text is stored as bytes: one per character when every
 * character fits in Latin-1 (codes nearly always do), two otherwise, 16 for a UUID (the API's ids). A million codes with
 * their ids take ~130 MB as JS strings in a Map, walked by every major GC; here ~80 MB.
 */
export class CodeTable {
  private capacity = 1024; // slots, a power of two, kept at most three quarters full
  private slots = new Uint32Array(this.capacity); // 1 + the key's place in the arena, 0 = empty
  private values = new Uint32Array(this.capacity);
  private hashes = new Uint32Array(this.capacity); // each slot's key hash: probes skip other keys, growing reads no text
  // a second number per key (the in-file duplicate check's first row), made on first use; 0 = none
  private marks: Uint32Array | undefined;
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
    const slot = this.find(key, hashOf(key));
    const value = this.values[slot]!;
    return this.slots[slot] === 0 || value === DELETED ? undefined : value;
  }

  /** `value`: a whole number below 2^32 - 1 (a row number, or a place store() returned). */
  set(key: string, value: number): void {
    const hash = hashOf(key);
    const slot = this.find(key, hash);
    if (this.slots[slot] === 0) this.add(slot, key, hash, value);
    else {
      if (this.values[slot] === DELETED) this.count += 1;
      this.values[slot] = value;
    }
  }

  /** The key's value if it has one; else sets it to `value` (one lookup: the in-file duplicate check's per-row call). */
  getOrSet(key: string, value: number): number | undefined {
    const hash = hashOf(key);
    const slot = this.find(key, hash);
    const held = this.values[slot]!;
    if (this.slots[slot] !== 0 && held !== DELETED) return held;
    if (this.slots[slot] === 0) this.add(slot, key, hash, value);
    else {
      this.count += 1;
      this.values[slot] = value;
    }
    return undefined;
  }

  /**
   * The key's mark if it has one; else marks it with `mark` (a whole number from 1) and returns
   * undefined. A key new to the table is added without a value: get() still says undefined. So one
   * table can hold the codes the server has (values) and the rows a file first has them on (marks).
   */
  markOnce(key: string, mark: number): number | undefined {
    const hash = hashOf(key);
    let slot = this.find(key, hash);
    const marks = (this.marks ??= new Uint32Array(this.capacity));
    if (this.slots[slot] !== 0 && marks[slot] !== 0) return marks[slot];
    if (this.slots[slot] === 0) slot = this.add(slot, key, hash, DELETED);
    this.marks![slot] = mark;
    return undefined;
  }

  /** Adds a key at its empty slot; returns the slot it holds after the table grew, if it did. */
  private add(slot: number, key: string, hash: number, value: number): number {
    this.slots[slot] = this.store(key) + 1;
    this.values[slot] = value;
    this.hashes[slot] = hash;
    if (value !== DELETED) this.count += 1;
    if (++this.filled * 4 <= this.capacity * 3) return slot;
    this.grow();
    return this.find(key, hash);
  }

  /** The key stays in the table, its value gone: a code deleted is rare, and set again it reuses its slot. */
  delete(key: string): void {
    const slot = this.find(key, hashOf(key));
    if (this.slots[slot] === 0 || this.values[slot] === DELETED) return;
    this.values[slot] = DELETED;
    this.count -= 1;
  }

  /** Where a key's own text sits in the arena, for textAt(); undefined when the table never held it. */
  placeOf(key: string): number | undefined {
    const slot = this.find(key, hashOf(key));
    return this.slots[slot] === 0 ? undefined : this.slots[slot]! - 1;
  }

  /** Keeps `text` in the arena; returns where, for textAt(). */
  store(text: string): number {
    // the once-a-row call of an import's duplicate check: no regex unless the length is a UUID's
    let kind: Kind = text.length === 36 && UUID.test(text) ? UUID_KIND : LATIN1;
    for (let i = 0; i < text.length && kind === LATIN1; i++) if (text.charCodeAt(i) > 0xff) kind = WIDE;
    const size = 4 + (kind === UUID_KIND ? 16 : text.length * (kind === WIDE ? 2 : 1));
    let page = this.pages[this.pages.length - 1];
    if (page === undefined || this.used + size > page.length) {
      // a text longer than a page gets a page of its own
      page = new Uint8Array(Math.max(PAGE_SPAN, size));
      this.pages.push(page);
      this.used = 0;
    }
    const start = this.used;
    // a cell holds at most MAX_RECORD_BYTES characters: length × 4 + kind stays below 2^32
    const header = text.length * 4 + kind;
    page[start] = header & 0xff;
    page[start + 1] = (header >>> 8) & 0xff;
    page[start + 2] = (header >>> 16) & 0xff;
    page[start + 3] = header >>> 24;
    if (kind === UUID_KIND) {
      const hex = text.replaceAll("-", "");
      for (let i = 0; i < 16; i++) page[start + 4 + i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
    }
    for (let i = 0; i < text.length && kind !== UUID_KIND; i++) {
      const unit = text.charCodeAt(i);
      if (kind === WIDE) {
        page[start + 4 + i * 2] = unit & 0xff;
        page[start + 5 + i * 2] = unit >> 8;
      } else page[start + 4 + i] = unit;
    }
    this.used += size;
    return (this.pages.length - 1) * PAGE_SPAN + start;
  }

  /** The text store() kept at `at`. */
  textAt(at: number): string {
    const { page, start, length, kind } = this.headerAt(at);
    let text = "";
    for (let i = 0; i < length; i++) text += String.fromCharCode(CodeTable.unitAt(page, start, kind, i));
    return text;
  }

  /** Whether the text kept at `at` is `text`, without making a string of it. */
  holds(at: number, text: string): boolean {
    // every lookup of a held key comes here: no header object made
    const page = this.pages[Math.floor(at / PAGE_SPAN)]!;
    const start = at % PAGE_SPAN;
    const header = (page[start]! | (page[start + 1]! << 8) | (page[start + 2]! << 16) | (page[start + 3]! << 24)) >>> 0;
    const length = header >>> 2;
    if (length !== text.length) return false;
    const kind = (header & 3) as Kind;
    if (kind === LATIN1) {
      for (let i = 0; i < length; i++) if (page[start + 4 + i] !== text.charCodeAt(i)) return false;
      return true;
    }
    for (let i = 0; i < length; i++) if (CodeTable.unitAt(page, start, kind, i) !== text.charCodeAt(i)) return false;
    return true;
  }

  private headerAt(at: number): { page: Uint8Array; start: number; length: number; kind: Kind } {
    const page = this.pages[Math.floor(at / PAGE_SPAN)]!;
    const start = at % PAGE_SPAN;
    const header = page[start]! + page[start + 1]! * 0x100 + page[start + 2]! * 0x10000 + page[start + 3]! * 0x1000000;
    return { page, start, length: Math.floor(header / 4), kind: (header % 4) as Kind };
  }

  private static unitAt(page: Uint8Array, start: number, kind: Kind, i: number): number {
    if (kind === LATIN1) return page[start + 4 + i]!;
    if (kind === WIDE) return page[start + 4 + i * 2]! | (page[start + 5 + i * 2]! << 8);
    // a UUID: dashes at 8, 13, 18 and 23, two hex digits a byte
    if (i === 8 || i === 13 || i === 18 || i === 23) return 0x2d;
    const digit = i - (i > 23 ? 4 : i > 18 ? 3 : i > 13 ? 2 : i > 8 ? 1 : 0);
    const byte = page[start + 4 + (digit >> 1)]!;
    return HEX.charCodeAt(digit % 2 === 0 ? byte >> 4 : byte & 0xf);
  }

  /** The slot holding `key`, or the empty slot where it belongs. */
  private find(key: string, hash: number): number {
    const mask = this.capacity - 1;
    let slot = hash & mask;
    while (this.slots[slot] !== 0 && (this.hashes[slot] !== hash || !this.holds(this.slots[slot]! - 1, key))) slot = (slot + 1) & mask;
    return slot;
  }

  private grow(): void {
    const { slots, values, hashes, marks } = this;
    this.capacity *= 2;
    this.slots = new Uint32Array(this.capacity);
    this.values = new Uint32Array(this.capacity);
    this.hashes = new Uint32Array(this.capacity);
    if (marks !== undefined) this.marks = new Uint32Array(this.capacity);
    const mask = this.capacity - 1;
    for (let i = 0; i < slots.length; i++) {
      if (slots[i] === 0) continue;
      // keys are distinct: the first empty slot of the hash's chain is the key's
      let slot = hashes[i]! & mask;
      while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
      this.slots[slot] = slots[i]!;
      this.values[slot] = values[i]!;
      this.hashes[slot] = hashes[i]!;
      if (marks !== undefined) this.marks![slot] = marks[i]!;
    }
  }
}

/** FNV-1a over the UTF-16 units, as an unsigned 32-bit number (what the hashes array holds). */
function hashOf(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

// Shared strings as UTF-8 bytes in slabs and a small index, decoded on access: a million-string
// workbook costs its text's bytes, not millions of JS strings. Slabs, not one buffer doubled as it
// fills: doubling held the old and the new buffer at once, up to three times the text at its peak.

/** A slab's size once the store is past its first few; a string never spans two. */
const SLAB_BYTES = 1024 * 1024;
const FIRST_SLAB_BYTES = 64 * 1024;

export class StringStore {
  #slabs: Buffer[] = [Buffer.allocUnsafe(FIRST_SLAB_BYTES)];
  #slab = this.#slabs[0]!;
  /** bytes used in the current slab */
  #used = 0;
  /** where the string being built starts in the current slab */
  #start = 0;
  /** per string: its slab, its start and its end in that slab */
  #index = new Uint32Array(3 * 1024);
  #count = 0;
  #capacity = FIRST_SLAB_BYTES;

  get count(): number {
    return this.#count;
  }

  /** Bytes allocated for the text: its own bytes, and at most a slab besides. */
  get capacity(): number {
    return this.#capacity;
  }

  add(text: string): void {
    this.append(text);
    this.end();
  }

  /** Add `text` to the string being built (a rich text's runs one by one). */
  append(text: string): void {
    // a UTF-16 code unit is at most 3 UTF-8 bytes
    this.#reserve(text.length * 3);
    this.#used += this.#slab.write(text, this.#used, "utf8");
  }

  /** Add UTF-8 bytes, whole characters, to the string being built. */
  appendBytes(bytes: Buffer, start: number, end: number): void {
    this.#reserve(end - start);
    this.#used += bytes.copy(this.#slab, this.#used, start, end);
  }

  /** The string being built is complete: it is string `count - 1` now. */
  end(): void {
    if (this.#count * 3 === this.#index.length) {
      const index = new Uint32Array(this.#index.length * 2);
      index.set(this.#index);
      this.#index = index;
    }
    const at = this.#count++ * 3;
    this.#index[at] = this.#slabs.length - 1;
    this.#index[at + 1] = this.#start;
    this.#index[at + 2] = this.#used;
    this.#start = this.#used;
  }

  /** String `index`, or undefined when there is none. */
  get(index: number): string | undefined {
    if (!Number.isInteger(index) || index < 0 || index >= this.#count) return undefined;
    const at = index * 3;
    return this.#slabs[this.#index[at]!]!.toString("utf8", this.#index[at + 1], this.#index[at + 2]);
  }

  // A string that does not fit moves, as built so far, to a new slab (a long one gets a slab of its own size).
  #reserve(bytes: number): void {
    if (this.#used + bytes <= this.#slab.length) return;
    const building = this.#used - this.#start;
    const size = Math.max(Math.min(this.#slab.length * 2, SLAB_BYTES), building + bytes);
    const slab = Buffer.allocUnsafe(size);
    this.#slab.copy(slab, 0, this.#start, this.#used);
    this.#slabs.push(slab);
    this.#slab = slab;
    this.#capacity += size;
    this.#start = 0;
    this.#used = building;
  }
}

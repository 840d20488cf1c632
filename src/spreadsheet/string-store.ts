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
  // The strings' bytes counted as one run across the slabs (a slab starts where its first string
  // does), so a string ends where the next starts: 6 bytes a string (end, slab), as one buffer's 4 nearly.
  /** where each slab's first byte is in that run */
  #bases: number[] = [0];
  /** per string: where it ends in the run, and its slab */
  #ends = new Uint32Array(1024);
  #slabOf = new Uint16Array(1024);
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
    if (this.#count === this.#ends.length) {
      const ends = new Uint32Array(this.#ends.length * 2);
      ends.set(this.#ends);
      this.#ends = ends;
      const slabOf = new Uint16Array(this.#slabOf.length * 2);
      slabOf.set(this.#slabOf);
      this.#slabOf = slabOf;
    }
    const slab = this.#slabs.length - 1;
    this.#ends[this.#count] = this.#bases[slab]! + this.#used;
    this.#slabOf[this.#count++] = slab;
    this.#start = this.#used;
  }

  /** String `index`, or undefined when there is none. */
  get(index: number): string | undefined {
    if (!Number.isInteger(index) || index < 0 || index >= this.#count) return undefined;
    const slab = this.#slabOf[index]!;
    const base = this.#bases[slab]!;
    const start = index === 0 ? 0 : this.#ends[index - 1]!;
    return this.#slabs[slab]!.toString("utf8", start - base, this.#ends[index]! - base);
  }

  // A string that does not fit moves, as built so far, to a new slab (a long one gets a slab of its own size).
  #reserve(bytes: number): void {
    if (this.#used + bytes <= this.#slab.length) return;
    const building = this.#used - this.#start;
    const size = Math.max(Math.min(this.#slab.length * 2, SLAB_BYTES), building + bytes);
    const slab = Buffer.allocUnsafe(size);
    this.#slab.copy(slab, 0, this.#start, this.#used);
    this.#bases.push(this.#bases[this.#slabs.length - 1]! + this.#start);
    this.#slabs.push(slab);
    this.#slab = slab;
    this.#capacity += size;
    this.#start = 0;
    this.#used = building;
  }
}

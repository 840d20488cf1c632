// Shared strings as one growing buffer of UTF-8 bytes and an offsets array, decoded on access:
// a million-string workbook costs its text's bytes, not millions of JS strings.

export class StringStore {
  #bytes = Buffer.allocUnsafe(64 * 1024);
  #used = 0;
  /** where string i ends in #bytes (it starts where string i - 1 ends) */
  #ends = new Uint32Array(1024);
  #count = 0;

  get count(): number {
    return this.#count;
  }

  add(text: string): void {
    this.append(text);
    this.end();
  }

  /** Add `text` to the string being built (a rich text's runs one by one). */
  append(text: string): void {
    // a UTF-16 code unit is at most 3 UTF-8 bytes
    this.#reserve(text.length * 3);
    this.#used += this.#bytes.write(text, this.#used, "utf8");
  }

  /** Add UTF-8 bytes, whole characters, to the string being built. */
  appendBytes(bytes: Buffer, start: number, end: number): void {
    this.#reserve(end - start);
    this.#used += bytes.copy(this.#bytes, this.#used, start, end);
  }

  /** The string being built is complete: it is string `count - 1` now. */
  end(): void {
    if (this.#count === this.#ends.length) {
      const ends = new Uint32Array(this.#ends.length * 2);
      ends.set(this.#ends);
      this.#ends = ends;
    }
    this.#ends[this.#count++] = this.#used;
  }

  /** String `index`, or undefined when there is none. */
  get(index: number): string | undefined {
    if (!Number.isInteger(index) || index < 0 || index >= this.#count) return undefined;
    const start = index === 0 ? 0 : (this.#ends[index - 1] ?? 0);
    return this.#bytes.toString("utf8", start, this.#ends[index]);
  }

  #reserve(bytes: number): void {
    if (this.#used + bytes <= this.#bytes.length) return;
    const grown = Buffer.allocUnsafe(Math.max(this.#bytes.length * 2, this.#used + bytes));
    this.#bytes.copy(grown, 0, 0, this.#used);
    this.#bytes = grown;
  }
}

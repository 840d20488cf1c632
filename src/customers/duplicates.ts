// A repeated customer_code in one file: the first occurrence is used, later ones are invalid (SPEC "Cells").

export interface DuplicateTracker {
  /** Records the code's first row; for a later occurrence returns that first row. */
  check(customerCode: string, row: number): number | undefined;
}

/**
 * Codes compare exactly (after the cell's trim and NFC): the API treats customer_code as an
 * opaque unique key, so "KH001" and "kh001" may be two customers. Holds one entry per distinct code,
 * in typed arrays off the JS heap: a million codes as strings in a Map took ~90 MB of heap that every
 * major GC walked; here they take ~40 MB that it never does.
 */
export function createDuplicateTracker(): DuplicateTracker {
  let capacity = 1024; // slots, a power of two, kept at most half full
  let slots = new Uint32Array(capacity); // 1 + offset of the code in `chars`, 0 = empty
  let rows = new Float64Array(capacity);
  let chars = new Uint16Array(16 * 1024); // each code: its length (two units), then its UTF-16 units
  let used = 0;
  let count = 0;

  const lengthAt = (offset: number): number => chars[offset]! * 0x10000 + chars[offset + 1]!;
  const sameCode = (offset: number, code: string): boolean => {
    if (lengthAt(offset) !== code.length) return false;
    for (let i = 0; i < code.length; i++) if (chars[offset + 2 + i] !== code.charCodeAt(i)) return false;
    return true;
  };
  /** The slot holding `code`, or the empty slot where it belongs. */
  const find = (code: string, hash: number): number => {
    let slot = hash & (capacity - 1);
    while (slots[slot] !== 0 && !sameCode(slots[slot]! - 1, code)) slot = (slot + 1) & (capacity - 1);
    return slot;
  };
  const store = (code: string): number => {
    if (used + code.length + 2 > chars.length) {
      const grown = new Uint16Array(Math.max(chars.length * 2, used + code.length + 2));
      grown.set(chars.subarray(0, used));
      chars = grown;
    }
    const offset = used;
    chars[offset] = Math.floor(code.length / 0x10000);
    chars[offset + 1] = code.length % 0x10000;
    for (let i = 0; i < code.length; i++) chars[offset + 2 + i] = code.charCodeAt(i);
    used += code.length + 2;
    return offset;
  };
  const grow = (): void => {
    const oldSlots = slots;
    const oldRows = rows;
    capacity *= 2;
    slots = new Uint32Array(capacity);
    rows = new Float64Array(capacity);
    for (let i = 0; i < oldSlots.length; i++) {
      if (oldSlots[i] === 0) continue;
      const offset = oldSlots[i]! - 1;
      let slot = hashOf(chars, offset + 2, lengthAt(offset)) & (capacity - 1);
      while (slots[slot] !== 0) slot = (slot + 1) & (capacity - 1);
      slots[slot] = oldSlots[i]!;
      rows[slot] = oldRows[i]!;
    }
  };

  return {
    check(customerCode, row) {
      const hash = hashOfString(customerCode);
      const slot = find(customerCode, hash);
      if (slots[slot] !== 0) {
        const first = rows[slot]!;
        if (first !== row) return first;
        return undefined;
      }
      slots[slot] = store(customerCode) + 1;
      rows[slot] = row;
      if (++count * 2 > capacity) grow();
      return undefined;
    },
  };
}

// FNV-1a over UTF-16 units, the same whether read from a string or from the arena.
function hashOfString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

function hashOf(units: Uint16Array, start: number, length: number): number {
  let hash = 0x811c9dc5;
  for (let i = start; i < start + length; i++) hash = Math.imul(hash ^ units[i]!, 0x01000193);
  return hash >>> 0;
}

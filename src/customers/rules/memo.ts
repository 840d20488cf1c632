// A file repeats a handful of provinces and bank names a million times: each is worked out once.

/** `compute`, remembered for the first `limit` distinct inputs (bounded: cells are user text). */
export function memoised<T>(compute: (text: string) => T, limit = 1000): (text: string) => T {
  const seen = new Map<string, T>();
  return (text) => {
    const known = seen.get(text);
    if (known !== undefined || seen.has(text)) return known as T;
    const value = compute(text);
    if (seen.size < limit) seen.set(text, value);
    return value;
  };
}

// Text bound for a terminal: control characters shown, never obeyed (issue #13 item 8).

// C0 but tab and LF, DEL, C1 (CSI U+009B drives many terminals too), and the bidi embeddings,
// overrides and isolates that reorder what is shown (Trojan Source): a header, a cell or a
// server's message could otherwise retitle, clear or rewrite the user's terminal.
const UNSAFE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;
const EVERY_UNSAFE = new RegExp(UNSAFE.source, "g");

const visible = (char: string): string => `\\u${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`;

/**
 * `\u001B` in place of each such character: readable, and still valid inside a JSON string, so
 * the one rule serves the `--json` line as well as the messages.
 */
export function terminalSafe(text: string): string {
  return UNSAFE.test(text) ? text.replace(EVERY_UNSAFE, visible) : text;
}

/**
 * Characters that act on a terminal instead of showing: C0 controls (ESC starts colour,
 * cursor and title sequences, CR overwrites a line, a newline fakes one), DEL, C1 controls
 * (0x9B is a one-byte CSI), line separators and the bidirectional overrides that reorder
 * what is shown (a "Trojan Source" caseId).
 */
// eslint-disable-next-line no-control-regex
const ACTIVE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const escape = (c: string): string => {
  const code = c.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).toUpperCase().padStart(2, "0")}` : `\\u${code.toString(16).toUpperCase()}`;
};

/**
 * Text from a case or a policy made safe to print on a terminal: every active character is
 * shown as an escape (`\x1B`, `\u202E`), so data can neither colour, move, hide nor reorder
 * the output, nor fake a line of it.
 *
 * @example
 * terminalText("L-1\u001b[2J") //=> "L-1\\x1B[2J"
 */
export function terminalText(text: string): string {
  return text.replace(ACTIVE, escape);
}

/** Every string in a JSON-like value passed through `terminalText` (keys too), the shape kept. */
export function terminalSafe<T>(value: T): T {
  if (typeof value === "string") return terminalText(value) as T;
  if (Array.isArray(value)) return value.map((v) => terminalSafe(v)) as T;
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[terminalText(k)] = terminalSafe(v);
    return out as T;
  }
  return value;
}

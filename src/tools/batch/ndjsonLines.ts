/** One input line of an NDJSON file, numbered as the file numbers it. */
export type InputLine =
  | { readonly line: number; readonly text: string }
  | { readonly line: number; readonly problem: LineProblem };

export interface LineProblem {
  readonly code: "too_large" | "invalid_utf8";
  readonly message: string;
}

export interface SplitOptions {
  /** A longer line is reported, never held: its bytes are skipped up to the next LF. */
  readonly maxLineBytes: number;
}

const LF = 0x0a;
const CR = 0x0d;

/**
 * Splits a byte stream into NDJSON lines the way the file numbers them: only LF ends a line
 * (a lone CR is JSON whitespace, not a line break), a CR before the LF is dropped, a UTF-8
 * BOM at the very start is skipped, a blank line is a line, and the text after the last LF
 * is a line when there is any. A line is decoded strictly: invalid UTF-8 is reported, never
 * replaced. Memory stays bounded by `maxLineBytes` whatever the input holds.
 */
export async function* ndjsonLines(input: AsyncIterable<Uint8Array | string>, options: SplitOptions): AsyncGenerator<InputLine> {
  const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
  let parts: Uint8Array[] = [];
  let held = 0; // bytes of the current line held in `parts`
  let seen = 0; // bytes of the current line seen (held or skipped)
  let line = 1;
  let atStart = true;

  const finish = (): InputLine => {
    const n = line++;
    const length = seen;
    const bytes = concat(parts, held);
    parts = [];
    held = 0;
    seen = 0;
    if (length > options.maxLineBytes) {
      return { line: n, problem: { code: "too_large", message: `line of ${length} bytes is over the limit of ${options.maxLineBytes}` } };
    }
    const end = bytes.length > 0 && bytes[bytes.length - 1] === CR ? bytes.length - 1 : bytes.length;
    try {
      return { line: n, text: decoder.decode(bytes.subarray(0, end)) };
    } catch {
      return { line: n, problem: { code: "invalid_utf8", message: `line is not valid UTF-8 (at byte ${firstInvalidByte(bytes.subarray(0, end)) + 1})` } };
    }
  };

  for await (const piece of input) {
    let chunk = typeof piece === "string" ? Buffer.from(piece, "utf8") : piece;
    if (atStart && chunk.length > 0) {
      if (chunk.length >= 3 && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) chunk = chunk.subarray(3);
      atStart = false;
    }
    let from = 0;
    while (from <= chunk.length) {
      const lf = chunk.indexOf(LF, from);
      const to = lf === -1 ? chunk.length : lf;
      const take = to - from;
      // One byte over the limit is held, so a CR-trimmed line of exactly the limit still fits.
      if (held + take <= options.maxLineBytes + 1) {
        if (take > 0) parts.push(chunk.slice(from, to));
        held += take;
      }
      seen += take;
      if (lf === -1) break;
      yield finish();
      from = lf + 1;
    }
  }
  if (seen > 0) yield finish();
}

function concat(parts: readonly Uint8Array[], length: number): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(length);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** The offset of the first byte where strict UTF-8 decoding fails (for the message). */
function firstInvalidByte(bytes: Uint8Array): number {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let lo = 0;
  let hi = bytes.length;
  // The longest valid prefix, by bisection; a cut inside a sequence is invalid too, so
  // this finds the start of the first bad sequence within a character or so.
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    try {
      decoder.decode(bytes.subarray(0, mid));
      lo = mid;
    } catch {
      hi = mid - 1;
    }
  }
  return lo;
}

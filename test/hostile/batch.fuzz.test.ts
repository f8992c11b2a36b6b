import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { runBatch } from "../../src/tools/batch/runBatch.js";
import { generateCases } from "../../src/tools/generate/generateCases.js";

// Small on purpose: every run writes a file and streams it (CI budget: a few seconds).
const numRuns = Math.max(400, Number(process.env.FC_NUM_RUNS_BATCH ?? 0));
const NOW = "2026-11-22T10:00:00+08:00";
const valid = [...generateCases(40, 77)].map((c) => JSON.stringify(c));
const dir = mkdtempSync(join(tmpdir(), "batch-fuzz-"));

/** One input line as bytes: a case, hostile text, or hostile bytes; never containing LF. */
const line: fc.Arbitrary<Uint8Array> = fc.oneof(
  fc.constantFrom(...valid).map((s) => Buffer.from(s)),
  fc.constantFrom(...valid).map((s) => Buffer.from(s.replace(/,"/g, ',\r"'))), // lone CRs as JSON whitespace
  fc.constantFrom("", " ", "\r", "\t", "null", "[]", "{}", "\uFEFF{}", '{"__proto__":{"polluted":1}}', "[".repeat(5000), '"\u2028"').map((s) => Buffer.from(s)),
  fc.string({ maxLength: 80 }).map((s) => Buffer.from(s.replace(/\n/g, ""))),
  fc.uint8Array({ maxLength: 60 }).map((b) => b.map((x) => (x === 10 ? 32 : x))),
  fc.nat({ max: 3 }).map((k) => Buffer.from(JSON.stringify({ caseId: "x".repeat(2000 * (k + 1)) }))), // some over the small limit below
);

describe("batch on hostile NDJSON: one output line per input line, in order, nothing lost", () => {
  it("answers every line of any file exactly once with its own line number", async () => {
    let inputs = 0;
    let lost = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(line, { maxLength: 25 }), fc.boolean(), fc.boolean(), fc.integer({ min: 1, max: 7 }), async (lines, bom, finalNewline, chunkSize) => {
        const parts: Uint8Array[] = [];
        if (bom) parts.push(Buffer.from([0xef, 0xbb, 0xbf]));
        lines.forEach((l, i) => {
          parts.push(l);
          if (i < lines.length - 1 || finalNewline) parts.push(Buffer.from(i % 2 ? "\r\n" : "\n"));
        });
        const content = Buffer.concat(parts);
        const file = join(dir, "in.ndjson");
        writeFileSync(file, content);
        const output = new PassThrough();
        const chunks: Buffer[] = [];
        output.on("data", (b: Buffer) => chunks.push(b));
        const result = await runBatch({ input: file, output, workers: 0, chunkSize, now: NOW, maxLineBytes: 4096 });
        const text = Buffer.concat(chunks).toString("utf8");
        const out = text === "" ? [] : text.slice(0, -1).split("\n").map((l) => JSON.parse(l));
        // The file's own lines, by definition: after a leading BOM, split on LF; a final LF ends
        // the last line rather than starting an empty one.
        const body = bom ? content.subarray(3) : content;
        const pieces = body.length === 0 ? [] : body.toString("latin1").split("\n");
        if (pieces.at(-1) === "") pieces.pop();
        const want = pieces.length;
        inputs += want;
        lost += Math.max(0, want - out.length);
        expect(out).toHaveLength(want);
        expect(result.linesRead).toBe(want);
        expect(result.decided + result.invalid).toBe(want);
        out.forEach((o, i) => {
          if (o.error) expect(o.line).toBe(i + 1);
          else expect(o.caseId).toBe(JSON.parse(Buffer.from(lines[i]!).toString("utf8").replace(/\r/g, "")).caseId);
        });
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { numRuns },
    );
    expect(lost).toBe(0);
    console.info(`batch fuzz: ${numRuns} files, ${inputs} lines, 0 lost`);
  }, 120_000);
});

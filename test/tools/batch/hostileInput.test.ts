import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runBatch, workerHeapFor, type BatchOptions } from "../../../src/tools/batch/runBatch.js";
import { generateCases } from "../../../src/tools/generate/generateCases.js";

const NOW = "2026-11-22T10:00:00+08:00";
const cases = [...generateCases(30, 11)].map((c) => JSON.stringify(c));

function file(content: string | Uint8Array): string {
  const path = join(mkdtempSync(join(tmpdir(), "batch-hostile-")), "cases.ndjson");
  writeFileSync(path, content);
  return path;
}

async function run(input: string, options: Partial<BatchOptions> = {}) {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on("data", (b: Buffer) => chunks.push(b));
  const result = await runBatch({ input, output, workers: 0, chunkSize: 4, now: NOW, ...options });
  const text = Buffer.concat(chunks).toString("utf8");
  expect(text.endsWith("\n")).toBe(true);
  return { result, text, lines: text.slice(0, -1).split("\n").map((l) => JSON.parse(l)) };
}

/** What line N of the output answers: the case's id, or the error's code and line. */
const answer = (o: { caseId?: string; line?: number; error?: { code: string } }) => (o.error ? `${o.line}:${o.error.code}` : o.caseId);

describe("batch input lines: numbered as the file numbers them, one output line each", () => {
  it("keeps a lone CR inside a line (JSON whitespace) and the line numbers after it", async () => {
    const withCr = cases[1]!.replace(',"', ',\r"');
    expect(withCr).toContain("\r");
    const { lines, result } = await run(file([cases[0], withCr, cases[2], "not json"].join("\n") + "\n"));
    expect(lines.map(answer)).toEqual([JSON.parse(cases[0]!).caseId, JSON.parse(cases[1]!).caseId, JSON.parse(cases[2]!).caseId, "4:invalid_json"]);
    expect(result).toMatchObject({ decided: 3, invalid: 1, linesRead: 4 });
  });

  it("reads CRLF files, answers a blank line in its place and skips a BOM at the start", async () => {
    const text = `\uFEFF${cases[0]}\r\n\r\n${cases[1]}\r\n   \r\n${cases[2]}`;
    const { lines } = await run(file(text));
    expect(lines.map(answer)).toEqual([JSON.parse(cases[0]!).caseId, "2:blank_line", JSON.parse(cases[1]!).caseId, "4:blank_line", JSON.parse(cases[2]!).caseId]);
  });

  it("reports invalid UTF-8 on its line instead of replacing it", async () => {
    const bad = Buffer.from(cases[1]!.replace('"caseId":"', '"caseId":"\u0001'), "utf8");
    bad[bad.indexOf(1)] = 0xff; // a byte that is never UTF-8
    const content = Buffer.concat([Buffer.from(`${cases[0]}\n`), bad, Buffer.from(`\n${cases[2]}\n`)]);
    const { lines } = await run(file(content));
    expect(lines.map(answer)).toEqual([JSON.parse(cases[0]!).caseId, "2:invalid_utf8", JSON.parse(cases[2]!).caseId]);
  });

  it("gives a line over the size limit its error line before any worker sees it, and loses nothing", async () => {
    const huge = JSON.stringify({ caseId: "x".repeat(6 << 20) });
    const input = [...cases.slice(0, 10), huge, ...cases.slice(10, 20)];
    const { lines, result } = await run(file(input.join("\n") + "\n"), { workers: 2, chunkSize: 3 });
    expect(lines).toHaveLength(21);
    expect(lines[10]).toMatchObject({ line: 11, error: { code: "too_large" } });
    expect(lines.filter((l) => !l.error).map((l) => l.caseId)).toEqual([...cases.slice(0, 20)].map((c) => JSON.parse(c).caseId));
    expect(result).toMatchObject({ decided: 20, invalid: 1, workerCrashes: 0 });
  }, 60_000);

  it("decides a line of the worst shape at the size limit in a worker without killing it", async () => {
    // `[{},{},…]`: the most heap per byte of text that JSON.parse builds.
    const limit = 1 << 20;
    const worst = `[${new Array(Math.floor((limit - 2) / 3)).fill("{}").join(",")}]`;
    expect(Buffer.byteLength(worst)).toBeLessThanOrEqual(limit);
    expect(workerHeapFor(limit)).toBe(64);
    const { lines, result } = await run(file([cases[0], worst, worst, cases[1]].join("\n")), { workers: 1 });
    expect(lines.map(answer)).toEqual([JSON.parse(cases[0]!).caseId, "2:invalid_case", "3:invalid_case", JSON.parse(cases[1]!).caseId]);
    expect(result.workerCrashes).toBe(0);
  }, 60_000);

  it("redoes the lines of a chunk whose worker died, and reports the line that killed it", async () => {
    const killer = JSON.stringify({ caseId: "kill-this-worker" });
    const input = [...cases.slice(0, 7), killer, ...cases.slice(7, 15)];
    const workerFile = fileURLToPath(new URL("./dyingWorker.mjs", import.meta.url));
    const { lines, result } = await run(file(input.join("\n") + "\n"), { workers: 2, chunkSize: 4, workerFile });
    expect(lines).toHaveLength(16);
    expect(lines[7]).toMatchObject({ line: 8, error: { code: "worker_crashed" } });
    expect(lines.filter((l) => !l.error).map((l) => l.caseId)).toEqual(cases.slice(0, 15).map((c) => JSON.parse(c).caseId));
    expect(result).toMatchObject({ decided: 15, invalid: 1 });
    expect(result.workerCrashes).toBeGreaterThanOrEqual(1);
  }, 60_000);

  it("stops reading when aborted, and still answers every line it read, whole", async () => {
    const controller = new AbortController();
    const output = new PassThrough();
    let text = "";
    output.on("data", (b) => (text += b));
    const result = await runBatch({
      input: file(cases.join("\n") + "\n"),
      output,
      workers: 0,
      chunkSize: 2,
      now: NOW,
      signal: controller.signal,
      onProgress: (p) => p.lines >= 4 && controller.abort(),
    });
    expect(result.interrupted).toBe(true);
    expect(result.linesRead).toBeLessThan(30);
    const lines = text.trimEnd().split("\n").map((l) => JSON.parse(l));
    expect(lines).toHaveLength(result.linesRead);
    expect(lines.map((l) => l.caseId)).toEqual(cases.slice(0, result.linesRead).map((c) => JSON.parse(c).caseId));
  });
});

import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { runBatch } from "../../../src/tools/batch/runBatch.js";
import { generateCases } from "../../../src/tools/generate/generateCases.js";
import { createDecider } from "../../../src/index.js";

const NOW = "2026-11-22T10:00:00+08:00";

function ndjson(lines: string[]): string {
  const file = join(mkdtempSync(join(tmpdir(), "batch-")), "cases.ndjson");
  writeFileSync(file, lines.join("\n") + "\n");
  return file;
}

async function collect(input: string, workers: number, chunkSize: number) {
  const output = new PassThrough();
  let text = "";
  output.on("data", (b) => (text += b));
  const stats = await runBatch({ input, output, workers, chunkSize, now: NOW });
  return { stats, lines: text.trimEnd().split("\n").map((l) => JSON.parse(l)) };
}

describe("batch", () => {
  const cases = [...generateCases(240, 5)];

  it("keeps input order across worker threads and many small chunks", async () => {
    const { stats, lines } = await collect(ndjson(cases.map((c) => JSON.stringify(c))), 2, 7);
    expect(stats.decided).toBe(240);
    expect(lines.map((d) => d.caseId)).toEqual(cases.map((c) => c.caseId));
    // Workers decide exactly what the library decides in-process.
    const decider = createDecider({ clock: () => new Date(NOW), trace: false });
    expect(lines[17]).toEqual(JSON.parse(JSON.stringify(decider.decide(cases[17]))));
  }, 60_000);

  it("reports a corrupted line in the middle with its line number and loses no other line", async () => {
    const input = cases.slice(0, 50).map((c) => JSON.stringify(c));
    input[20] = input[20]!.slice(0, 40); // truncated JSON
    input[30] = JSON.stringify({ ...cases[30], reportedAt: "yesterday" }); // valid JSON, invalid case
    const { stats, lines } = await collect(ndjson(input), 2, 8);
    expect(lines).toHaveLength(50);
    expect(stats).toMatchObject({ decided: 48, invalid: 2 });
    expect(lines[20]).toMatchObject({ line: 21, error: { code: "invalid_json" } });
    expect(lines[30]).toMatchObject({ line: 31, error: { code: "invalid_case", issues: [expect.objectContaining({ path: ["reportedAt"] })] } });
    const ids = lines.filter((l) => !l.error).map((d) => d.caseId);
    expect(ids).toEqual(cases.slice(0, 50).filter((_, i) => i !== 20 && i !== 30).map((c) => c.caseId));
  }, 60_000);

  it("decides on the calling thread with --workers 0, the same output", async () => {
    const file = ndjson(cases.slice(0, 60).map((c) => JSON.stringify(c)));
    const inThread = await collect(file, 0, 9);
    const pooled = await collect(file, 2, 9);
    expect(inThread.lines).toEqual(pooled.lines);
    expect(inThread.stats).toEqual(pooled.stats);
  }, 60_000);

  it("summarises tiers, remedies, reviews and compensation by hand count", async () => {
    const { stats, lines } = await collect(ndjson(cases.map((c) => JSON.stringify(c))), 0, 50);
    expect(stats.tiers["1"] + stats.tiers["2"] + stats.tiers["3"]).toBe(240);
    expect(stats.tiers["1"]).toBe(lines.filter((d) => d.sla.tier === 1).length);
    expect(stats.remedies.return!.allowed).toBe(lines.flatMap((d) => d.lines).filter((l) => l.eligibility.return.status === "allowed").length);
    expect(stats.manualReview).toBe(lines.filter((d) => d.eligibility.manualReview.required).length);
    expect(stats.compensationFen).toBe(lines.reduce((s, d) => s + (d.compensation.options[0]?.total.amount ?? 0), 0));
  });
});

describe("decideMany and the generator", () => {
  it("decides lazily and in order, never stopping at a bad input", () => {
    const decider = createDecider({ clock: () => new Date(NOW) });
    const inputs = [...generateCases(3, 9), { nonsense: true }, ...generateCases(2, 10)];
    const results = [...decider.decideMany(inputs)];
    expect(results.map((r) => r.success)).toEqual([true, true, true, false, true, true]);
    expect(results[4]!.success && results[4]!.data.caseId).toBe("gen-10-0");
  });

  it("generates the same valid cases for a seed", () => {
    expect([...generateCases(50, 42)]).toEqual([...generateCases(50, 42)]);
    expect([...generateCases(5, 42)]).not.toEqual([...generateCases(5, 43)]);
    const decider = createDecider({ clock: () => new Date(NOW) });
    for (const c of generateCases(500, 42)) expect(decider.safeDecide(c).success).toBe(true);
  });
});

import { spawn } from "node:child_process";
import { existsSync, linkSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generateCases } from "../../src/tools/generate/generateCases.js";
import { openOutputFile } from "../../src/tools/batch/outputFile.js";
import { runCli } from "./run.js";

const NOW = "2026-11-22T10:00:00+08:00";
const cases = [...generateCases(12, 3)].map((c) => JSON.stringify(c));
const content = cases.join("\n") + "\n";

function folder(): string {
  return mkdtempSync(join(tmpdir(), "batch-cli-"));
}

/** The CLI in a child process (for stdin, pipes and signals), from source. */
function spawnCli(args: string[], stdin?: string) {
  const child = spawn(process.execPath, ["--import", "tsx", "src/cli/bin.ts", ...args], { stdio: ["pipe", "pipe", "pipe"], env: { ...process.env, NO_COLOR: "1" } });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (b) => (stdout += b));
  child.stderr.on("data", (b) => (stderr += b));
  child.stdout.on("error", () => {});
  child.stdin.on("error", () => {});
  if (stdin !== undefined) child.stdin.end(stdin);
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve) =>
    child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  return { child, done };
}

describe("batch output: the input is never lost", () => {
  it("refuses an output that is the input, by name, hard link or symlink, and leaves the input whole", async () => {
    const dir = folder();
    const input = join(dir, "cases.ndjson");
    writeFileSync(input, content);
    linkSync(input, join(dir, "hard.ndjson"));
    symlinkSync(input, join(dir, "soft.ndjson"));
    for (const output of [input, join(dir, "hard.ndjson"), join(dir, "soft.ndjson"), `${dir}/./cases.ndjson`]) {
      const r = await runCli("batch", input, "-o", output, "--workers", "0", "--now", NOW, "--quiet");
      expect(r.code).toBe(2);
      expect(r.stderr).toContain("is the input");
      expect(readFileSync(input, "utf8")).toBe(content);
    }
  });

  it("writes a temporary file and renames it into place at the end: no temporary file is left", async () => {
    const dir = folder();
    const input = join(dir, "cases.ndjson");
    const output = join(dir, "decisions.ndjson");
    writeFileSync(input, content);
    writeFileSync(output, "old\n");
    const r = await runCli("batch", input, "-o", output, "--workers", "0", "--now", NOW, "--quiet");
    expect(r.code).toBe(0);
    expect(readFileSync(output, "utf8").trimEnd().split("\n").map((l) => JSON.parse(l).caseId)).toEqual(cases.map((c) => JSON.parse(c).caseId));
    expect(readdirSync(dir).sort()).toEqual(["cases.ndjson", "decisions.ndjson"]);
  });

  it("a discarded output leaves the old file as it was and no temporary file", async () => {
    const dir = folder();
    const output = join(dir, "decisions.ndjson");
    writeFileSync(output, "old\n");
    const target = openOutputFile(output);
    target.stream.write('{"half": ');
    await target.discard();
    expect(readFileSync(output, "utf8")).toBe("old\n");
    expect(readdirSync(dir)).toEqual(["decisions.ndjson"]);
  });

  it.skipIf(!existsSync("/dev/full"))("names a full disk, exits 2 and says the output stops after a whole line", async () => {
    const dir = folder();
    const input = join(dir, "cases.ndjson");
    writeFileSync(input, content);
    const r = await runCli("batch", input, "-o", "/dev/full", "--workers", "0", "--now", NOW, "--quiet");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot write \/dev\/full: ENOSPC no space left on device/);
  });

  it("names a closed pipe on stdout and exits 2, with no unhandled worker error", async () => {
    const many = [...generateCases(3000, 4)].map((c) => JSON.stringify(c)).join("\n") + "\n";
    const { child, done } = spawnCli(["batch", "-", "--workers", "1", "--now", NOW, "--quiet"], many);
    child.stdout.once("data", () => child.stdout.destroy());
    const r = await done;
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("EPIPE");
    expect(r.stderr).not.toMatch(/internal error|Unhandled|at .*\.ts:\d+/);
  }, 60_000);
});

describe("batch as a streaming filter", () => {
  it("reads stdin with - and writes stdout with -o -, one line per input line", async () => {
    const input = `${cases[0]}\n\n${cases[1]}\nnot json\n`;
    const r = await (spawnCli(["batch", "-", "-o", "-", "--workers", "0", "--now", NOW, "--quiet"], input)).done;
    expect(r.code).toBe(1); // two lines are not cases
    expect(r.stdout.trimEnd().split("\n").map((l) => JSON.parse(l)).map((o) => o.caseId ?? `${o.line}:${o.error.code}`)).toEqual([
      JSON.parse(cases[0]!).caseId,
      "2:blank_line",
      JSON.parse(cases[1]!).caseId,
      "4:invalid_json",
    ]);
    expect(r.stderr).toContain("4 cases in");
  }, 60_000);

  it("on SIGINT says the run was interrupted, keeps a whole-line prefix and exits 130", async () => {
    const dir = folder();
    const output = join(dir, "out.ndjson");
    const { child, done } = spawnCli(["batch", "-", "-o", output, "--workers", "0", "--now", NOW, "--quiet"]);
    child.stdin.write(content); // and stdin stays open: the run waits for more
    const started = Date.now();
    while (!readdirSync(dir).some((f) => f.endsWith(".tmp")) && Date.now() - started < 30_000) await new Promise((r) => setTimeout(r, 50));
    await new Promise((r) => setTimeout(r, 500));
    child.kill("SIGINT");
    const r = await done;
    expect(r.code).toBe(130);
    const said = /interrupted by SIGINT after (\d+) input lines/.exec(r.stderr);
    expect(said).not.toBeNull();
    const lines = readFileSync(output, "utf8").trimEnd().split("\n").map((l) => JSON.parse(l));
    expect(lines).toHaveLength(Number(said![1]));
    expect(lines.map((l) => l.caseId)).toEqual(cases.slice(0, lines.length).map((c) => JSON.parse(c).caseId));
  }, 60_000);
});

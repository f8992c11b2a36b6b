import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "./run.js";

/**
 * README: "0 decided (a denial is still 0), 1 findings (lint errors, failing fixtures,
 * coverage below the gate), 2 could not run (bad flags, unreadable file, invalid JSON,
 * invalid case or policy), 3 internal error". One row per documented situation; rows
 * marked (was N) exited with another class before issue 14 §11.
 */
const dir = mkdtempSync(join(tmpdir(), "exit-codes-"));
const file = (name: string, text: string) => (writeFileSync(join(dir, name), text), join(dir, name));
const badJson = file("bad.json", "{bad");
const invalidCase = file("invalid-case.json", '{"caseId": 1}');
const invalidLines = file("lines.ndjson", "not json\n");
const cases = file("cases.ndjson", `${JSON.stringify(JSON.parse(readFileSync("examples/dress-lost-button.json", "utf8")))}\n`);
const fifo = join(dir, "fifo.json");
execFileSync("mkfifo", [fifo]);
const fixture = "fixtures/001-no-reason-day7-last-second.json";
const NOW = ["--now", "2026-05-12T21:45:00+08:00"];
const CASE = "examples/dress-lost-button.json";

const table: [situation: string, args: string[], exit: 0 | 1 | 2][] = [
  ["decided", ["decide", CASE, ...NOW], 0],
  ["explained", ["explain", CASE, ...NOW], 0],
  ["lint clean", ["lint", "rules"], 0],
  ["fixtures pass", ["test", fixture], 0],
  ["batch all decided", ["batch", cases, "--workers", "0", "--quiet", ...NOW, "-o", join(dir, "out1.ndjson")], 0],
  ["help", ["--help"], 0],
  ["lint errors", ["lint", "test/policy/bad-merchant-5-day"], 1],
  ["lint: invalid JSON is a lint finding", ["lint", badJson], 1],
  ["failing fixture", ["test", "test/cli/failing-fixture"], 1],
  ["coverage below the gate", ["test", fixture, "--min-coverage", "100"], 1],
  ["batch lines that are not cases", ["batch", invalidLines, "--workers", "0", "--quiet", "-o", join(dir, "out2.ndjson")], 1],
  ["bad flag: unknown option", ["decide", CASE, "--frob"], 2],
  ["bad flag: unknown command", ["frobnicate"], 2],
  ["bad flag: --lang", ["decide", CASE, ...NOW, "--lang", "fr"], 2],
  ["bad flag: --now", ["decide", CASE, "--now", "yesterday"], 2],
  ["bad flag: decide --time-zone (was 3)", ["decide", CASE, ...NOW, "--time-zone", "Mars/Olympus"], 2],
  ["bad flag: explain --time-zone (was 3)", ["explain", CASE, ...NOW, "--time-zone", "Mars/Olympus"], 2],
  ["bad flag: batch --time-zone (was 3)", ["batch", cases, "--workers", "0", "--quiet", "--time-zone", "Mars/Olympus"], 2],
  ["bad flag: lint --format (was 0)", ["lint", "rules", "--format", "xml"], 2],
  ["bad flag: --reporter", ["test", fixture, "--reporter", "xml"], 2],
  ["bad flag: --min-coverage", ["test", fixture, "--min-coverage", "abc"], 2],
  ["bad flag: --workers", ["batch", cases, "--workers", "x"], 2],
  ["bad flag: --max-line-bytes", ["batch", cases, "--max-line-bytes", "0"], 2],
  ["bad flag: --count", ["generate", "--count", "abc"], 2],
  ["bad flag: schema --name", ["schema", "--name", "nope.json"], 2],
  ["unreadable: decide missing file", ["decide", join(dir, "nope.json"), ...NOW], 2],
  ["unreadable: decide a folder", ["decide", "examples", ...NOW], 2],
  ["unreadable: decide a FIFO (hung)", ["decide", fifo, ...NOW], 2],
  ["unreadable: lint missing path (was 1)", ["lint", join(dir, "nope")], 2],
  ["unreadable: lint a FIFO (was 1)", ["lint", fifo], 2],
  ["unreadable: test missing path", ["test", join(dir, "nope")], 2],
  ["unreadable: test a FIFO (hung)", ["test", fifo], 2],
  ["unreadable: batch missing input", ["batch", join(dir, "nope.ndjson"), "--quiet"], 2],
  ["unreadable: batch a folder", ["batch", dir, "--quiet"], 2],
  ["invalid JSON", ["decide", badJson, ...NOW], 2],
  ["invalid case", ["decide", invalidCase, ...NOW], 2],
  ["invalid case (explain)", ["explain", invalidCase, ...NOW], 2],
  ["invalid policy", ["decide", CASE, ...NOW, "--policy", "test/policy/bad-merchant-5-day"], 2],
  ["invalid policy (batch)", ["batch", cases, "--policy", "test/policy/bad-merchant-5-day"], 2],
  ["unwritable: batch output is the input (was 0, input lost)", ["batch", cases, "-o", cases, "--workers", "0", "--quiet"], 2],
  ["unwritable: generate into a missing folder (was 0, output lost)", ["generate", "--count", "2", "-o", join(badJson, "g.ndjson")], 2],
  ["unwritable: schema --out under a file (was 3)", ["schema", "--out", join(badJson, "schemas")], 2],
  ["unwritable: test --output under a file (was 3)", ["test", fixture, "--reporter", "junit", "--output", join(badJson, "r.xml")], 2],
  ...(existsSync("/dev/full")
    ? ([
        ["unwritable: generate to a full disk (was 3)", ["generate", "--count", "3000", "-o", "/dev/full"], 2],
        ["unwritable: batch to a full disk (was 1 or 3)", ["batch", cases, "-o", "/dev/full", "--workers", "0", "--quiet", ...NOW], 2],
      ] as [string, string[], 0 | 1 | 2][])
    : []),
];

describe("every exit README documents", () => {
  it.each(table)("%s: %j exits %d", async (_, args, exit) => {
    const r = await runCli(...args);
    expect({ code: r.code, internal: r.stderr.includes("internal error") }).toEqual({ code: exit, internal: false });
  });
});

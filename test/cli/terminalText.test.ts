import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { terminalText } from "../../src/cli/terminalText.js";
import { runCli } from "./run.js";

// Anything that acts on a terminal instead of showing: ESC, CR, BEL, a one-byte CSI, DEL, a line separator, a bidi override.
const ACTIVE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

describe("control characters in case fields never reach the terminal", () => {
  it("escapes them one by one and leaves other text alone", () => {
    expect(terminalText("L-1\u001b[2J\r\u0007\u009b\u202e退货 ok")).toBe("L-1\\x1B[2J\\x0D\\x07\\x9B\\u202E退货 ok");
  });

  it("decide and explain print a hostile caseId and sku escaped; --json keeps the data exact", async () => {
    const c = JSON.parse(readFileSync("examples/dress-lost-button.json", "utf8"));
    c.caseId = "c-1\u001b]0;pwned\u0007\u001b[2J\rfake line";
    c.order.items[0].sku = "sku\u202egnp.exe";
    const file = join(mkdtempSync(join(tmpdir(), "term-")), "case.json");
    writeFileSync(file, JSON.stringify(c));
    for (const command of ["decide", "explain"]) {
      const r = await runCli(command, file, "--now", "2026-05-12T21:45:00+08:00", "--lang", "en");
      expect(r.code).toBe(0);
      expect(r.stdout).not.toMatch(ACTIVE);
      expect(r.stdout).toContain("c-1\\x1B]0;pwned\\x07\\x1B[2J\\x0Dfake line");
    }
    const json = await runCli("decide", file, "--now", "2026-05-12T21:45:00+08:00", "--json");
    expect(JSON.parse(json.stdout).caseId).toBe(c.caseId);
  });

  it("issue messages printed to stderr are escaped too", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "term-")), "case.json");
    writeFileSync(file, JSON.stringify({ caseId: 1, "evil\u001b[2Jkey": true }));
    const r = await runCli("decide", file);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(ACTIVE);
    expect(r.stderr).toContain("evil\\x1B[2Jkey");
  });
});

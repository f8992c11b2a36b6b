import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { safeLoadPolicy, type Issue } from "../../src/index.js";
import { lintPaths } from "../../src/tools/lint/lint.js";
import { readJsonFile } from "../../src/cli/io.js";

/** A folder holding `policy/` (with one merchant layer) and, beside it, a foreign JSON file. */
function setup(layerFile: string, make?: (dir: string, policy: string) => void) {
  const root = mkdtempSync(join(tmpdir(), "hostile-files-"));
  const policy = join(root, "policy");
  mkdirSync(policy);
  // A foreign file whose key names must never reach an issue message.
  writeFileSync(join(root, "secret.json"), JSON.stringify({ CANARY_KEY_NAME: { CANARY_NESTED: 1 } }));
  writeFileSync(join(policy, "policy.json"), JSON.stringify({ id: "p", version: "1", extends: "default", layers: [{ name: "merchant", files: [layerFile] }] }));
  make?.(root, policy);
  return { root, policy };
}

function loadIssues(policy: string): Issue[] {
  const loaded = safeLoadPolicy(policy, { lang: "en" });
  expect(loaded.success).toBe(false);
  const issues = loaded.success ? [] : [...loaded.error.issues];
  for (const i of issues) expect(i.message).not.toMatch(/CANARY/);
  // lint prints exactly what loading refuses
  expect(lintPaths([policy]).issues.map((i) => [i.code, i.path.join("."), i.file])).toEqual(issues.map((i) => [i.code, i.path.join("."), i.file]));
  return issues;
}

const ENTRY = ["layers", 0, "files", 0];

describe("policy.json file names are confined to the policy folder", () => {
  it("refuses ../ out of the folder, pointing at the manifest's entry", () => {
    const { policy } = setup("../secret.json");
    expect(loadIssues(policy)).toEqual([expect.objectContaining({ code: "outside_policy_folder", path: ENTRY, file: join(policy, "policy.json"), line: 1 })]);
  });

  it("refuses an absolute path, even to a file inside the folder", () => {
    const { policy } = setup("/etc/passwd");
    expect(loadIssues(policy).map((i) => i.code)).toEqual(["outside_policy_folder"]);
  });

  it("refuses a symlink out of the folder, and to a device", () => {
    const out = setup("link.json", (root, policy) => symlinkSync(join(root, "secret.json"), join(policy, "link.json")));
    expect(loadIssues(out.policy).map((i) => [i.code, i.message])).toEqual([["outside_policy_folder", expect.stringContaining("through a symlink")]]);
    const zero = setup("zero.json", (_, policy) => symlinkSync("/dev/zero", join(policy, "zero.json")));
    expect(loadIssues(zero.policy).map((i) => i.code)).toEqual(["outside_policy_folder"]);
  });

  it("follows a symlink that stays inside the folder", () => {
    const { policy } = setup("alias.json", (_, dir) => {
      writeFileSync(join(dir, "real.json"), readMerchantRules());
      symlinkSync("real.json", join(dir, "alias.json"));
    });
    const loaded = safeLoadPolicy(policy);
    expect(loaded.success ? "loaded" : loaded.error.issues).toBe("loaded");
  });

  it("refuses a FIFO at once instead of waiting for a writer", () => {
    const { policy } = setup("pipe.json", (_, dir) => execFileSync("mkfifo", [join(dir, "pipe.json")]));
    const started = performance.now();
    expect(loadIssues(policy).map((i) => [i.code, i.message])).toEqual([["io_error", expect.stringContaining("not a regular file (fifo)")]]);
    expect(performance.now() - started).toBeLessThan(2000);
    // The CLI's case files too.
    expect(() => readJsonFile(join(policy, "pipe.json"))).toThrow(/不是普通文件（fifo）/);
  });

  it("refuses a 2.5 GB file by its size before reading a byte", () => {
    const { policy } = setup("huge.json", (_, dir) => truncateSync((writeFileSync(join(dir, "huge.json"), ""), join(dir, "huge.json")), 2.5 * 2 ** 30));
    const rss = process.memoryUsage().rss;
    const started = performance.now();
    expect(loadIssues(policy).map((i) => i.code)).toEqual(["too_large"]);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(process.memoryUsage().rss - rss).toBeLessThan(200 << 20);
  });
});

function readMerchantRules(): string {
  return readFileSync("fixtures/policies/merchant-30-day/merchant-returns.json", "utf8");
}

import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { safeLoadPolicy } from "../../src/index.js";
import { lintPaths } from "../../src/tools/lint/lint.js";

// Each run rewrites a policy folder on disk: a few hundred keep CI within seconds.
const numRuns = Math.max(300, Number(process.env.FC_NUM_RUNS_POLICY_FILES ?? 0));

const root = mkdtempSync(join(tmpdir(), "policy-fuzz-"));
const policy = join(root, "policy");
mkdirSync(join(policy, "sub"), { recursive: true });
// Outside the folder: files whose content must never be read (their key names would show in issues).
writeFileSync(join(root, "secret.json"), JSON.stringify({ CANARY_KEY: { CANARY_NESTED: [1] }, rules: [{ CANARY_RULE: 1 }] }));
symlinkSync(join(root, "secret.json"), join(policy, "link-out.json"));
symlinkSync("/dev/zero", join(policy, "zero.json"));
symlinkSync("rules.json", join(policy, "link-in.json"));
execFileSync("mkfifo", [join(policy, "fifo.json")]);
const merchant = readFileSync("fixtures/policies/merchant-30-day/merchant-returns.json", "utf8");

const fileName = fc.oneof(
  fc.constantFrom(
    "rules.json", "./rules.json", "sub/../rules.json", "link-in.json", "link-out.json", "zero.json", "fifo.json", "sub", "missing.json",
    "policy.json", "../secret.json", "sub/../../secret.json", "../policy/../secret.json", join(root, "secret.json"), "/etc/passwd", "/dev/zero",
    "..\\secret.json", "%2e%2e/secret.json", "rules.json/", "\u0000.json", "x".repeat(300), "", " ", "~/secret.json", "file:///etc/passwd",
  ),
  fc.string({ maxLength: 30 }),
);
const hostileJson: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  v: fc.oneof({ depthSize: "small" }, fc.constantFrom(null, 0, "", "__proto__", true), fc.string({ maxLength: 20 }), fc.array(tie("v"), { maxLength: 3 }), fc.dictionary(fc.constantFrom("__proto__", "id", "rules", "layers", "files", "name", "extends", "sanbaoTable", "conditions"), tie("v"), { maxKeys: 4 })),
})).v;
const manifest = fc.record({
  layers: fc.array(fc.record({ name: fc.constantFrom("m", "n"), files: fc.array(fileName, { minLength: 1, maxLength: 3 }) }), { minLength: 1, maxLength: 2 }),
  sanbaoTable: fc.option(fileName, { nil: undefined }),
  restDayCalendar: fc.option(fileName, { nil: undefined }),
});
const rulesText = fc.oneof(fc.constant(merchant), hostileJson.map((v) => JSON.stringify(v) ?? ""), fc.string({ maxLength: 100 }));
const manifestText = fc.oneof(
  { weight: 8, arbitrary: manifest.map((m) => JSON.stringify({ id: "p", version: "1", extends: "default", ...m })) },
  { weight: 1, arbitrary: hostileJson.map((v) => JSON.stringify(v) ?? "") },
);

afterEach(() => expect(({} as Record<string, unknown>).polluted).toBeUndefined());

describe("hostile policy folders: issues, never an exception, never a file outside read", () => {
  it("loads or refuses any manifest naming any file, in bounded time, as lint does", () => {
    let inputs = 0;
    fc.assert(
      fc.property(manifestText, rulesText, (m, rules) => {
        writeFileSync(join(policy, "policy.json"), m);
        writeFileSync(join(policy, "rules.json"), rules);
        inputs++;
        const started = performance.now();
        const loaded = safeLoadPolicy(policy);
        expect(performance.now() - started).toBeLessThan(3000);
        const issues = loaded.success ? [] : loaded.error.issues;
        for (const i of issues) {
          expect(i.message).not.toMatch(/CANARY/);
          expect(typeof i.code === "string" && Array.isArray(i.path)).toBe(true);
        }
        const lint = lintPaths([policy]);
        expect(lint.issues.filter((i) => i.severity === "error").map((i) => [i.code, i.file, i.path.join(".")])).toEqual(
          issues.filter((i) => i.severity === "error").map((i) => [i.code, i.file, i.path.join(".")]),
        );
      }),
      { numRuns },
    );
    expect(inputs).toBe(numRuns);
  }, 120_000);
});

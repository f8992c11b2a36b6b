import { defineConfig } from "vitest/config";

// Every suite that computes with dates runs under three host time zones: the policy's zone
// must be the only zone that matters (DESIGN.md, determinism invariant). Suites that never
// reach a date (the engine, rule-set and policy-file parsing and checks, batch plumbing,
// CLI exit codes and lint, packaging) run once, in UTC: under another host zone they would
// run the same code on the same data, and CI must stay under 10 minutes.
const ZONE_FREE = [
  "test/engine/**",
  "test/hostile/ruleSet.fuzz.test.ts",
  "test/hostile/policyFile.fuzz.test.ts",
  "test/hostile/policyFiles.test.ts",
  "test/hostile/sharedConditions.test.ts",
  "test/hostile/locating.test.ts",
  "test/hostile/batch.fuzz.test.ts",
  "test/tools/batch/**",
  "test/tools/lint/**",
  "test/tools/jsonSchema/**",
  "test/policy/checks/**",
  "test/policy/agreement.test.ts",
  "test/policy/agreement.property.test.ts",
  "test/policy/checkPolicy.test.ts",
  "test/policy/severity.test.ts",
  "test/policy/statutoryFloor.test.ts",
  "test/cli/batch.test.ts",
  "test/cli/exitCodes.test.ts",
  "test/cli/main.test.ts",
  "test/cli/terminalText.test.ts",
  "test/package/**",
  "test/architecture.test.ts",
  "test/noProcessGlobals.test.ts",
];

export default defineConfig({
  // README examples import the package by name; in the repo that is the source.
  resolve: { alias: { "aftersales-policy": new URL("./src/index.ts", import.meta.url).pathname } },
  test: {
    setupFiles: ["test/setup/fast-check.ts"],
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
    projects: [
      { extends: true, test: { name: "tz-shanghai", env: { TZ: "Asia/Shanghai" }, exclude: ZONE_FREE } },
      { extends: true, test: { name: "tz-utc", env: { TZ: "UTC" } } },
      { extends: true, test: { name: "tz-los-angeles", env: { TZ: "America/Los_Angeles" }, exclude: ZONE_FREE } },
    ],
  },
});

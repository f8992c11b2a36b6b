import { defineConfig } from "vitest/config";

// The whole suite runs under three host time zones: the policy's zone must be the only
// zone that matters (DESIGN.md, determinism invariant).
export default defineConfig({
  // README examples import the package by name; in the repo that is the source.
  resolve: { alias: { "aftersales-policy": new URL("./src/index.ts", import.meta.url).pathname } },
  test: {
    setupFiles: ["test/setup/fast-check.ts"],
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
    projects: [
      { extends: true, test: { name: "tz-shanghai", env: { TZ: "Asia/Shanghai" } } },
      { extends: true, test: { name: "tz-utc", env: { TZ: "UTC" } } },
      { extends: true, test: { name: "tz-los-angeles", env: { TZ: "America/Los_Angeles" } } },
    ],
  },
});

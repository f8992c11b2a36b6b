import { defineConfig } from "tsup";

export default defineConfig([
  {
    entry: { index: "src/index.ts" },
    format: ["esm", "cjs"],
    dts: true,
    clean: true,
    target: "node20",
    platform: "node",
    sourcemap: true,
  },
  {
    entry: { cli: "src/cli/bin.ts", batchWorker: "src/tools/batch/worker.ts" },
    format: ["esm"],
    dts: false,
    target: "node20",
    platform: "node",
    banner: { js: "#!/usr/bin/env node" },
  },
]);

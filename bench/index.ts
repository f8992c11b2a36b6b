import os from "node:os";
import { benchEngineCore } from "./engineCore.js";

// BENCH_TIME_MS shortens a run for a smoke check; the committed numbers use the default.
const timeMs = Number(process.env.BENCH_TIME_MS ?? 2000);
console.log(`node ${process.version}, ${os.cpus()[0]?.model ?? "cpu"} × ${os.cpus().length}, ${os.platform()} ${os.arch()}`);
const core = await benchEngineCore(timeMs);
const failures: string[] = [];
if (core.compiledVsJre < 200) failures.push(`compiled is ${core.compiledVsJre.toFixed(0)}× json-rules-engine (target 200×)`);
if (failures.length > 0) {
  console.log(`\nTARGETS MISSED:\n  ${failures.join("\n  ")}`);
  process.exitCode = 1;
} else console.log("\nAll targets met.");

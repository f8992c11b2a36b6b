import os from "node:os";
import { benchBusinessTime } from "./businessTime.js";
import { benchDecide } from "./decide.js";
import { benchEngineCore } from "./engineCore.js";
import { benchLines } from "./lines.js";
import { benchMemory } from "./memory.js";
import { benchRuleCount } from "./ruleCount.js";

// BENCH_TIME_MS shortens a run for a smoke check; the committed numbers use the default.
const timeMs = Number(process.env.BENCH_TIME_MS ?? 3000);
const started = performance.now();
console.log(`node ${process.version}, ${os.cpus()[0]?.model ?? "cpu"} × ${os.cpus().length}, ${os.platform()} ${os.arch()}, ${timeMs} ms per task`);

const core = await benchEngineCore(timeMs);
const decide = await benchDecide(timeMs);
const lines = await benchLines(timeMs);
const rules = await benchRuleCount(timeMs);
benchMemory();
const businessTime = await benchBusinessTime(timeMs);

const targets: [string, boolean, string][] = [
  ["compiled ≥ 200× json-rules-engine (20-rule set)", core.compiledVsJre >= 200, `${core.compiledVsJre.toFixed(0)}×`],
  ["compiled within 5× of the hand-written floor", core.floorVsCompiled <= 5, `${core.floorVsCompiled.toFixed(1)}× slower than the floor`],
  ["decide ≥ 100× the reference evaluator, same policy", decide.decideVsReference >= 100, `${decide.decideVsReference.toFixed(0)}× (${decide.decideVsKeptEngines.toFixed(0)}× json-rules-engine with engines kept across calls, not a target)`],
  ["decide ≥ 50,000 decisions/s on one core", decide.decidePerSecond >= 50_000, `${Math.round(decide.decidePerSecond).toLocaleString("en-US")}/s`],
  ["decide p99 < 100 µs", decide.decideP99 < 100, `${decide.decideP99.toFixed(1)} µs`],
  ["1-line decide ≥ 100× the reference evaluator", lines.oneLineVsReference >= 100, `${lines.oneLineVsReference.toFixed(0)}×`],
  ["1-line decide ≥ 50,000 decisions/s on one core", lines.oneLinePerSecond >= 50_000, `${Math.round(lines.oneLinePerSecond).toLocaleString("en-US")}/s`],
  ["a 10-line case costs ≤ 3× a 1-line case", lines.tenLineCostVsOneLine <= 3, `${lines.tenLineCostVsOneLine.toFixed(2)}×`],
  ["1-line decide with the trace on (default) ≥ 100,000 decisions/s", lines.oneLineTracedPerSecond >= 100_000, `${Math.round(lines.oneLineTracedPerSecond).toLocaleString("en-US")}/s`],
  ["trace on within 2× of trace off (1-line)", lines.traceOffVsOn <= 2, `${lines.traceOffVsOn.toFixed(2)}×`],
  ["per-rule time at 10,000 rules within 3× of 20 rules (trace off, no index)", rules.perRule10000VsPerRule20 <= 3, `${rules.perRule10000VsPerRule20.toFixed(2)}×`],
  ["compile ≤ 100 ms per 1,000 rules (10,000 rules)", rules.compileMsPer1000Rules <= 100, `${rules.compileMsPer1000Rules.toFixed(0)} ms`],
  ["10,000 rules keyed by category cost ≤ 5× the 20-rule set", rules.keyed10000VsTwenty <= 5, `${rules.keyed10000VsTwenty.toFixed(2)}×`],
  ["one business-time due instant ≤ 1 µs", businessTime.businessDueMicros <= 1, `${businessTime.businessDueMicros.toFixed(3)} µs (decide on the business clock costs ${businessTime.businessDecideCost.toFixed(2)}× decide on calendar time, not a target)`],
];
console.log("\nTargets");
for (const [name, met, value] of targets) console.log(`  ${met ? "met   " : "MISSED"}  ${name}: ${value}`);
console.log(`\nbench took ${((performance.now() - started) / 1000).toFixed(0)} s`);

import { readFileSync } from "node:fs";
import { Engine } from "json-rules-engine";
import { compileRuleSet } from "../src/index.js";
import { benchFacts, handWritten } from "./ruleset20.hand.js";
import { measure, printTable, ratio } from "./report.js";

/** Engine core: the 20-rule set, compiled vs json-rules-engine vs a hand-written function. */
export async function benchEngineCore(timeMs: number): Promise<{ compiledVsJre: number; floorVsCompiled: number }> {
  const ruleSet = JSON.parse(readFileSync(new URL("./ruleset20.json", import.meta.url), "utf8"));
  const facts = benchFacts(1000);

  const t0 = performance.now();
  const compiled = compileRuleSet(ruleSet, { trace: false });
  const compileMs = performance.now() - t0;

  // The floor must decide the same thing, or the comparison means nothing.
  for (const f of facts) {
    const a = compiled.run(f).events.map((e) => e.type).sort().join();
    const b = handWritten(f).sort().join();
    if (a !== b) throw new Error(`hand-written function disagrees with the rule set on ${JSON.stringify(f)}: ${a} vs ${b}`);
  }

  const engine = new Engine(ruleSet.rules);
  let i = 0;
  const rows = await measure(
    [
      { name: "json-rules-engine Engine.run (1 case)", casesPerCall: 1, fn: () => engine.run(facts[i++ % facts.length]!) },
      { name: "compiled run, trace on (1000 cases)", casesPerCall: 1000, fn: () => { for (const f of facts) compiled.run(f, { trace: true }); } },
      { name: "compiled run, trace off (1000 cases)", casesPerCall: 1000, fn: () => { for (const f of facts) compiled.run(f); } },
      { name: "hand-written function (1000 cases)", casesPerCall: 1000, fn: () => { for (const f of facts) handWritten(f); } },
    ],
    timeMs,
  );
  printTable(`Engine core: 20-rule set (compile once: ${compileMs.toFixed(1)} ms)`, rows, "json-rules-engine Engine.run (1 case)");
  const compiledVsJre = ratio(rows, "compiled run, trace off (1000 cases)", "json-rules-engine Engine.run (1 case)");
  const floorVsCompiled = ratio(rows, "hand-written function (1000 cases)", "compiled run, trace off (1000 cases)");
  console.log(`compiled / json-rules-engine: ${compiledVsJre.toFixed(0)}× (target ≥ 200×)`);
  console.log(`hand-written / compiled: ${floorVsCompiled.toFixed(1)}× (compiled within ${floorVsCompiled.toFixed(1)}× of the floor)`);
  return { compiledVsJre, floorVsCompiled };
}

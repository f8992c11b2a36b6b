import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { Engine } from "json-rules-engine";
import { pkg } from "./package.js";
import { measure, printTable, ratio, type Row } from "./report.js";
import { benchFacts, handWritten } from "./ruleset20.hand.js";
import { zenTable } from "./ruleset20.zen.js";

const JRE = "json-rules-engine Engine.run";
const COMPILED = "compiled run, trace off";
const FLOOR = "hand-written function";

/** GoRules ZEN from bench/zen (installed by `npm run bench`, outside the root lockfile), if present. */
function loadZen(): { ZenEngine: new () => { createDecision(content: Buffer): { evaluate(input: object): Promise<{ result: unknown }> } } } | undefined {
  try {
    return createRequire(new URL("./zen/package.json", import.meta.url))("@gorules/zen-engine");
  } catch {
    return undefined;
  }
}

/** Engine core: the 20-rule set, compiled vs json-rules-engine vs ZEN vs a hand-written function. */
export async function benchEngineCore(timeMs: number) {
  const ruleSet = JSON.parse(readFileSync(new URL("./ruleset20.json", import.meta.url), "utf8"));
  const facts = benchFacts(1000);
  const types = (events: readonly { type: string }[] | readonly string[]) => events.map((e) => (typeof e === "string" ? e : e.type)).sort().join();

  let t0 = performance.now();
  const compiled = pkg.compileRuleSet(ruleSet, { trace: false });
  const load: Record<string, number> = { compiled: performance.now() - t0 };
  t0 = performance.now();
  const engine = new Engine(ruleSet.rules);
  load.jre = performance.now() - t0;

  // Every contender must decide the same thing, or the comparison means nothing.
  for (const f of facts) {
    if (types(compiled.run(f).events) !== types(handWritten(f))) throw new Error(`compiled and hand-written disagree on ${JSON.stringify(f)}`);
  }
  const zen = loadZen();
  let zenDecision: ReturnType<InstanceType<NonNullable<typeof zen>["ZenEngine"]>["createDecision"]> | undefined;
  if (zen) {
    t0 = performance.now();
    zenDecision = new zen.ZenEngine().createDecision(Buffer.from(JSON.stringify(zenTable)));
    load.zen = performance.now() - t0;
    for (const f of facts.slice(0, 300)) {
      const out = ((await zenDecision.evaluate(f)).result as { event: string }[]).map((r) => r.event);
      if (types(out) !== types(handWritten(f))) throw new Error(`ZEN and hand-written disagree on ${JSON.stringify(f)}: ${out}`);
    }
  } else {
    console.log("\n(ZEN skipped: run `npm install --prefix bench/zen` to include GoRules ZEN)");
  }

  let i = 0;
  let j = 0;
  const rows: Row[] = await measure(
    [
      { name: JRE, casesPerCall: 1, fn: () => engine.run(facts[i++ % facts.length]!) },
      ...(zenDecision ? [{ name: "GoRules ZEN decision table", casesPerCall: 1, fn: () => zenDecision!.evaluate(facts[j++ % facts.length]!) }] : []),
      { name: "compiled run, trace on", casesPerCall: 1000, fn: () => { for (const f of facts) compiled.run(f, { trace: true }); } },
      { name: COMPILED, casesPerCall: 1000, fn: () => { for (const f of facts) compiled.run(f); } },
      { name: FLOOR, casesPerCall: 1000, fn: () => { for (const f of facts) handWritten(f); } },
    ],
    timeMs,
  );
  printTable(
    `Engine core: the 20-rule set (load: compiled ${load.compiled!.toFixed(1)} ms, json-rules-engine ${load.jre!.toFixed(1)} ms${load.zen ? `, ZEN ${load.zen.toFixed(1)} ms` : ""})`,
    rows,
    JRE,
  );
  return { compiledVsJre: ratio(rows, COMPILED, JRE), floorVsCompiled: ratio(rows, FLOOR, COMPILED) };
}

import { readFileSync } from "node:fs";
import { pkg } from "./package.js";
import { measure } from "./report.js";
import { benchFacts } from "./ruleset20.hand.js";

type Json = Record<string, unknown>;
const base = JSON.parse(readFileSync(new URL("./ruleset20.json", import.meta.url), "utf8")) as { rules: Json[] } & Json;

/** Copy k of the 20 bench rules: renamed, each numeric literal moved by k mod 5 (so copies differ). */
function copyOf(rule: Json, k: number): Json {
  const shift = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(shift);
    if (node === null || typeof node !== "object") return node;
    const out: Json = {};
    for (const [key, v] of Object.entries(node)) out[key] = key === "value" && typeof v === "number" ? v + (k % 5) : shift(v);
    return out;
  };
  return { ...rule, name: `${rule.name as string}#${k}`, conditions: shift(rule.conditions) };
}

/** n rules: the 20 bench rules repeated with varied constants. */
function ruleSetOf(n: number): Json {
  return { ...base, id: `bench-${n}`, rules: Array.from({ length: n }, (_, i) => copyOf(base.rules[i % 20]!, Math.floor(i / 20))) };
}

const CATEGORIES_PER_KEYED_SET = 500;
/** n rules, each the bench rule i mod 20 under `category equal cat-<i div 20>`: a rule set per leaf category. */
function keyedRuleSetOf(n: number): Json {
  return {
    ...base,
    id: `bench-keyed-${n}`,
    rules: Array.from({ length: n }, (_, i) => {
      const rule = copyOf(base.rules[i % 20]!, Math.floor(i / 20));
      return { ...rule, conditions: { all: [{ fact: "category", operator: "equal", value: `cat-${Math.floor(i / 20)}` }, rule.conditions] } };
    }),
  };
}

const SIZES = [20, 200, 2000, 10_000] as const;

/**
 * Issue 15 §2–3: how the trace-free run's cost grows with the number of rules (per-rule
 * time at 10,000 rules against 20, with the equality index off so only the split into
 * bounded functions is measured), compile time per 1,000 rules, and a 10,000-rule set keyed
 * by category (indexed) against the 20-rule set. All in one measurement, so the ratios
 * compare tasks timed side by side.
 */
export async function benchRuleCount(timeMs: number) {
  const facts = benchFacts(1000);
  // As a service gets facts: from JSON.parse (a spread copy reads several times slower in V8).
  const keyedFacts = facts.map((f, i) => JSON.parse(JSON.stringify({ ...f, category: `cat-${(i * 7919) % CATEGORIES_PER_KEYED_SET}` })) as typeof f);
  const compileMs: Record<string, number> = {};
  const compile = (name: string, ruleSet: Json, options: Json) => {
    const t0 = performance.now();
    const compiled = pkg.compileRuleSet(ruleSet, { trace: false, ...options });
    compileMs[name] = performance.now() - t0;
    return compiled;
  };
  const plain = SIZES.map((n) => compile(`${n}`, ruleSetOf(n), { indexMinRules: Infinity }));
  const keyed = compile("keyed 10000", keyedRuleSetOf(10_000), {});
  if (keyed.index?.fact !== "category") throw new Error("the keyed rule set was not indexed by category");
  // The indexed and the unindexed evaluator must agree before either is timed.
  const keyedPlain = pkg.compileRuleSet(keyedRuleSetOf(10_000), { trace: false, indexMinRules: Infinity });
  for (const f of keyedFacts.slice(0, 200)) {
    if (JSON.stringify(keyed.run(f).events) !== JSON.stringify(keyedPlain.run(f).events)) throw new Error("indexed and unindexed runs disagree");
  }

  // Batches sized so that every call does similar work (~2,000 rule evaluations at least).
  const batch = (n: number) => Math.max(1, Math.round(20_000 / n));
  const tasks = [
    ...SIZES.map((n, i) => ({
      name: `${n} rules`,
      casesPerCall: batch(n),
      fn: () => {
        for (let j = 0; j < batch(n); j++) plain[i]!.run(facts[j % facts.length]!);
      },
    })),
    { name: "10000 rules keyed by category (indexed)", casesPerCall: 100, fn: () => { for (let j = 0; j < 100; j++) keyed.run(keyedFacts[j]!); } },
  ];
  const rows = await measure(tasks, timeMs);
  console.log(`\nRule count (trace off; the 20 bench rules repeated with varied constants; index off except the keyed row)`);
  console.log(`${"rule set".padEnd(44)} ${"runs/s".padStart(12)} ${"µs/run".padStart(9)} ${"ns/rule".padStart(9)} ${"compile ms".padStart(11)} ${"ms/1,000 rules".padStart(15)}`);
  const perRule: number[] = [];
  rows.forEach((r, i) => {
    const n = i < SIZES.length ? SIZES[i]! : 10_000;
    const us = 1e6 / r.throughput;
    perRule.push((us * 1000) / n);
    const c = compileMs[i < SIZES.length ? `${n}` : "keyed 10000"]!;
    console.log(
      `${r.name.padEnd(44)} ${Math.round(r.throughput).toLocaleString("en-US").padStart(12)} ${us.toFixed(3).padStart(9)} ${perRule[i]!.toFixed(1).padStart(9)} ${c.toFixed(0).padStart(11)} ${((c / n) * 1000).toFixed(1).padStart(15)}`,
    );
  });
  const twenty = rows[0]!.throughput;
  return {
    perRule10000VsPerRule20: perRule[SIZES.length - 1]! / perRule[0]!,
    compileMsPer1000Rules: (compileMs["10000"]! / 10_000) * 1000,
    keyed10000VsTwenty: twenty / rows[SIZES.length]!.throughput,
  };
}

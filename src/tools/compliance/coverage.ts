import type { Policy } from "../../policy/policy.js";
import type { FixtureResult } from "./runFixture.js";

export interface RuleCoverage {
  readonly policy: string;
  readonly layer: string;
  readonly ruleSet: string;
  readonly rule: string;
  /** How many fixtures fired this rule. */
  readonly fired: number;
}

export interface CoverageReport {
  readonly rules: readonly RuleCoverage[];
  readonly uncovered: readonly RuleCoverage[];
  /** Percent of rules fired by at least one fixture, one decimal. */
  readonly percent: number;
  /** The layers measured, as `layer` names, in policy order. */
  readonly layers: readonly string[];
}

/**
 * The layers whose rules a coverage report counts, by policy id: the layers a policy folder
 * defines itself. A merchant folder that `extends: "default"` is judged on its own rules, not
 * on the bundled ones it inherits; a policy absent from the map is measured whole.
 */
export type CoverageScope = ReadonlyMap<string, ReadonlySet<string>>;

/** Per rule of every policy the fixtures used: how many fixtures fired it (OPA-style coverage). */
export function ruleCoverage(results: readonly FixtureResult[], policies: ReadonlyMap<string, Policy>, scope: CoverageScope = new Map()): CoverageReport {
  const key = (policy: string, layer: string, ruleSet: string, rule: string) => `${policy}\u0000${layer}\u0000${ruleSet}\u0000${rule}`;
  const counts = new Map<string, number>();
  for (const r of results) {
    const d = r.decision;
    if (!d) continue;
    const fired = new Set(d.trace.filter((t) => t.fired).map((t) => key(d.policy.id, t.layer, t.ruleSet, t.rule)));
    for (const k of fired) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  // A rule of a shared layer (the bundled statutory rules under a merchant policy) counts once:
  // fired by any policy's fixtures that include it.
  const byRule = new Map<string, RuleCoverage>();
  const layers = new Set<string>();
  for (const [policyId, policy] of policies) {
    const measured = scope.get(policyId);
    for (const { name } of policy.layers) if (!measured || measured.has(name)) layers.add(name);
    for (const stage of Object.values(policy.stages)) {
      for (const { layer, ruleSet } of stage) {
        if (measured && !measured.has(layer)) continue;
        for (const rule of ruleSet.rules) {
          const id = `${layer}\u0000${ruleSet.id}\u0000${rule.name}`;
          const fired = (byRule.get(id)?.fired ?? 0) + (counts.get(key(policyId, layer, ruleSet.id, rule.name)) ?? 0);
          byRule.set(id, { policy: byRule.get(id)?.policy ?? policyId, layer, ruleSet: ruleSet.id, rule: rule.name, fired });
        }
      }
    }
  }
  const rules = [...byRule.values()];
  const uncovered = rules.filter((r) => r.fired === 0);
  const percent = rules.length === 0 ? 100 : Math.floor((1000 * (rules.length - uncovered.length)) / rules.length) / 10;
  return { rules, uncovered, percent, layers: [...layers] };
}

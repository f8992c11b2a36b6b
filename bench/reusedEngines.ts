import type { Engine } from "json-rules-engine";
import { safeParseCase } from "../src/case/parseCase.js";
import { decisionSteps } from "../src/decide/pipeline.js";
import { tagEvent, type StageEvent } from "../src/decide/stageEvents.js";
import type { Decision } from "../src/decide/types.js";
import type { Policy } from "../src/policy/policy.js";
import { referenceEngine } from "../src/engine/runReference.js";
import type { RuleSet } from "../src/engine/ruleSetSchema.js";
import { zone } from "../src/time/index.js";

/**
 * For context only: the bundled policy on json-rules-engine with one `Engine` per rule set
 * built once and kept across calls — what a service might write if it never runs two
 * decisions at once. The library's reference evaluator builds fresh engines per call
 * because concurrent runs on one engine lose events (PITFALLS P2), so this is not a
 * supported path, only a measure of how much of the reference's time is engine building.
 */
export function reusedEngineDecider(policy: Policy, now: Date): (input: unknown) => Promise<Decision> {
  const z = zone("Asia/Shanghai");
  const engines = new Map<RuleSet, Engine>();
  const engineFor = (ruleSet: RuleSet): Engine => {
    let engine = engines.get(ruleSet);
    if (engine === undefined) {
      engine = referenceEngine(ruleSet, { operators: policy.operators });
      engines.set(ruleSet, engine);
    }
    return engine;
  };
  return async (input) => {
    const parsed = safeParseCase(input);
    if (!parsed.success) throw new Error("invalid case");
    const steps = decisionSteps(parsed.data, policy, z, now);
    let step = steps.next();
    while (!step.done) {
      const events: StageEvent[] = [];
      for (const { layer, ruleSet, compiled } of policy.stages[step.value.kind]) {
        const { results } = await engineFor(ruleSet).run({ ...step.value.facts });
        // In compiled order (priority, then file position), as the library orders them.
        const position = new Map(compiled.rules.map((r, i) => [r.name, i]));
        results.sort((a, b) => position.get(String(a.name))! - position.get(String(b.name))!);
        for (const r of results) {
          events.push(tagEvent({ type: r.event!.type, ...(r.event!.params ? { params: r.event!.params } : {}), rule: String(r.name), priority: r.priority ?? 1 }, layer, ruleSet.id));
        }
      }
      step = steps.next({ events, trace: () => [] });
    }
    return step.value;
  };
}

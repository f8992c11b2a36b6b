import type { Policy } from "../policy/policy.js";
import { runValidatedReference } from "../engine/runReference.js";
import type { StageRequest } from "./pipeline.js";
import { effectOf, tagEvent, type StageEvent, type StageOutcome, type StageTrace } from "./stageEvents.js";

const TRACE_ON = Object.freeze({ trace: true });
const TRACE_OFF = Object.freeze({ trace: false });
const NO_TRACE: readonly StageTrace[] = Object.freeze([]);

/** Evaluates a stage with the compiled rule sets, synchronously. */
export function runStageCompiled(policy: Policy, request: StageRequest, trace: boolean): StageOutcome {
  const events: StageEvent[] = [];
  let traces: StageTrace[] | undefined;
  const runOptions = trace ? TRACE_ON : TRACE_OFF;
  const stage = policy.stages[request.kind];
  for (let i = 0; i < stage.length; i++) {
    const { layer, ruleSet, compiled } = stage[i]!;
    const result = compiled.run(request.facts, runOptions);
    const fired = result.events;
    for (let j = 0; j < fired.length; j++) events.push(tagEvent(fired[j]!, layer, ruleSet.id));
    if (result.trace.length === 0) continue;
    traces ??= [];
    for (const t of result.trace) traces.push({ layer, ruleSet: ruleSet.id, rule: t.rule, fired: t.fired, effect: effectOf(t.event), conditions: t.conditions });
  }
  return { events, trace: traces ?? NO_TRACE };
}

/**
 * Evaluates a stage with json-rules-engine's own `Engine` (the reference evaluator). Its
 * events are put in compiled order (priority, then file position), so both evaluators
 * interpret the same sequence.
 */
export async function runStageReference(policy: Policy, request: StageRequest, trace: boolean): Promise<StageOutcome> {
  const events: StageEvent[] = [];
  const traces: StageTrace[] = [];
  for (const { layer, ruleSet, compiled } of policy.stages[request.kind]) {
    const result = await runValidatedReference(ruleSet, request.facts, { operators: policy.operators });
    const position = new Map(compiled.rules.map((r, i) => [r.name, i]));
    const ordered = [...result.events].sort((a, b) => position.get(a.rule)! - position.get(b.rule)!);
    for (const e of ordered) events.push(tagEvent(e, layer, ruleSet.id));
    if (trace) for (const t of result.trace) traces.push({ layer, ruleSet: ruleSet.id, rule: t.rule, fired: t.fired, effect: effectOf(t.event), conditions: t.conditions });
  }
  return { events, trace: traces };
}

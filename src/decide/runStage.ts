import type { Policy } from "../policy/policy.js";
import type { Facts, RecordedRun } from "../engine/evaluation.js";
import { runsArePure } from "../engine/compileRuleSet.js";
import { runValidatedReference } from "../engine/runReference.js";
import type { StageRequest } from "./pipeline.js";
import { stageTraceOf, tagEvent, type StageEvent, type StageOutcome, type StageTrace } from "./stageEvents.js";

const NO_TRACE: readonly StageTrace[] = Object.freeze([]);
const noTrace = (): readonly StageTrace[] => NO_TRACE;

/**
 * Evaluates a stage with the compiled rule sets, synchronously. With the trace on, the
 * readable trace is built only when asked for: where every rule set was compiled with
 * json-rules-engine's own operators only (pure functions of the fact's value and the
 * rule's: runsArePure), by recording the rule sets' run on the stage's facts then, as the
 * trace of a run is a function of the facts it read; otherwise (a custom operator may not be
 * pure) from a recording made now (a flat array of what each leaf read and decided).
 *
 * The facts a stage is given are never changed afterwards: the pipeline derives each line's
 * facts anew, and gives compensation a facts object of its own.
 */
export function runStageCompiled(policy: Policy, request: StageRequest, trace: boolean): StageOutcome {
  const events: StageEvent[] = [];
  const stage = request.ruleSets;
  if (!trace || recordsWhenRead(stage)) {
    for (let i = 0; i < stage.length; i++) {
      const { layer, ruleSet, compiled } = stage[i]!;
      const fired = compiled.run(request.facts, TRACE_OFF).events;
      for (let j = 0; j < fired.length; j++) events.push(tagEvent(fired[j]!, layer, ruleSet.id));
    }
    return trace ? new StageTraceWhenRead(events, stage, request.facts) : { events, trace: noTrace };
  }
  const runs: RecordedRun[] = [];
  for (let i = 0; i < stage.length; i++) {
    const { layer, ruleSet, compiled } = stage[i]!;
    const run = compiled.record(request.facts);
    runs.push(run);
    const fired = run.events;
    for (let j = 0; j < fired.length; j++) events.push(tagEvent(fired[j]!, layer, ruleSet.id));
  }
  return new StageTraceWhenRead(events, stage, runs);
}

const TRACE_OFF = Object.freeze({ trace: false });

/** Whether every rule set of a stage runs purely (runsArePure); remembered per frozen list. */
function recordsWhenRead(stage: StageRequest["ruleSets"]): boolean {
  let pure = pureStages.get(stage);
  if (pure === undefined) {
    pure = stage.every((s) => runsArePure(s.compiled));
    if (Object.isFrozen(stage)) pureStages.set(stage, pure);
  }
  return pure;
}

const pureStages = new WeakMap<StageRequest["ruleSets"], boolean>();

/**
 * A stage's outcome whose trace is built once, when first read, from its rule sets' runs:
 * recorded while deciding (`runs`), or recorded then on the stage's facts, the same trace
 * (the run is a function of the facts, and the facts are unchanged) at no cost to a decision
 * whose trace is never read. Once built, what it was built from is let go.
 */
class StageTraceWhenRead implements StageOutcome {
  #trace: StageTrace[] | undefined;
  #stage: StageRequest["ruleSets"] | undefined;
  #runs: readonly RecordedRun[] | Facts | undefined;
  constructor(
    readonly events: readonly StageEvent[],
    stage: StageRequest["ruleSets"],
    /** The rule sets' recorded runs, in stage order, or the facts to record them on. */
    runs: readonly RecordedRun[] | Facts,
  ) {
    this.#stage = stage;
    this.#runs = runs;
  }
  trace(): readonly StageTrace[] {
    if (this.#trace === undefined) {
      const stage = this.#stage!;
      const runs = this.#runs!;
      const recorded = Array.isArray(runs) ? (runs as readonly RecordedRun[]) : undefined;
      const traces: StageTrace[] = [];
      for (let i = 0; i < stage.length; i++) {
        const { layer, ruleSet, compiled } = stage[i]!;
        const run = recorded === undefined ? compiled.record(runs as Facts) : recorded[i]!;
        for (const t of run.trace()) traces.push(stageTraceOf(layer, ruleSet.id, t));
      }
      this.#trace = traces;
      this.#stage = undefined;
      this.#runs = undefined;
    }
    return this.#trace;
  }
}

/**
 * Evaluates a stage with json-rules-engine's own `Engine` (the reference evaluator). Its
 * events are put in compiled order (priority, then file position), so both evaluators
 * interpret the same sequence.
 */
export async function runStageReference(policy: Policy, request: StageRequest, trace: boolean): Promise<StageOutcome> {
  const events: StageEvent[] = [];
  const traces: StageTrace[] = [];
  for (const { layer, ruleSet, compiled } of request.ruleSets) {
    const result = await runValidatedReference(ruleSet, request.facts, { operators: policy.operators });
    const position = new Map(compiled.rules.map((r, i) => [r.name, i]));
    const ordered = [...result.events].sort((a, b) => position.get(a.rule)! - position.get(b.rule)!);
    for (const e of ordered) events.push(tagEvent(e, layer, ruleSet.id));
    if (trace) for (const t of result.trace) traces.push(stageTraceOf(layer, ruleSet.id, t));
  }
  return { events, trace: () => traces };
}

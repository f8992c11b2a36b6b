import type { Policy } from "../policy/policy.js";
import type { RecordedRun } from "../engine/evaluation.js";
import { runValidatedReference } from "../engine/runReference.js";
import type { StageRequest } from "./pipeline.js";
import { stageTraceOf, tagEvent, type StageEvent, type StageOutcome, type StageTrace } from "./stageEvents.js";

const NO_TRACE: readonly StageTrace[] = Object.freeze([]);
const noTrace = (): readonly StageTrace[] => NO_TRACE;

/**
 * Evaluates a stage with the compiled rule sets, synchronously. With the trace on, each
 * rule set's run is recorded (a flat array of what each leaf read and decided) and the
 * readable trace is built from the recordings only when asked for.
 */
export function runStageCompiled(policy: Policy, request: StageRequest, trace: boolean): StageOutcome {
  const events: StageEvent[] = [];
  const stage = request.ruleSets;
  if (!trace) {
    for (let i = 0; i < stage.length; i++) {
      const { layer, ruleSet, compiled } = stage[i]!;
      const fired = compiled.run(request.facts, TRACE_OFF).events;
      for (let j = 0; j < fired.length; j++) events.push(tagEvent(fired[j]!, layer, ruleSet.id));
    }
    return { events, trace: noTrace };
  }
  const runs: RecordedRun[] = [];
  for (let i = 0; i < stage.length; i++) {
    const { layer, ruleSet, compiled } = stage[i]!;
    const run = compiled.record(request.facts);
    runs.push(run);
    const fired = run.events;
    for (let j = 0; j < fired.length; j++) events.push(tagEvent(fired[j]!, layer, ruleSet.id));
  }
  return new RecordedStage(events, stage, runs);
}

const TRACE_OFF = Object.freeze({ trace: false });

/** A stage's outcome whose trace is built from its rule sets' recordings once, when first read. */
class RecordedStage implements StageOutcome {
  #trace: StageTrace[] | undefined;
  constructor(
    readonly events: readonly StageEvent[],
    private readonly stage: StageRequest["ruleSets"],
    private readonly runs: readonly RecordedRun[],
  ) {}
  trace(): readonly StageTrace[] {
    if (this.#trace === undefined) {
      const stage = this.stage;
      const traces: StageTrace[] = [];
      for (let i = 0; i < stage.length; i++) {
        const { layer, ruleSet } = stage[i]!;
        for (const t of this.runs[i]!.trace()) traces.push(stageTraceOf(layer, ruleSet.id, t));
      }
      this.#trace = traces;
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

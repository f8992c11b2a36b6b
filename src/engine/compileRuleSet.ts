import { PolicyError } from "../_lib/errors.js";
import type { Lang } from "../_lib/issues.js";
import { deepFreeze } from "../_lib/deepFreeze.js";
import { RuleEvaluationError, type EvaluationResult, type Facts, type FiredEvent, type RecordedRun, type RuleTrace } from "./evaluation.js";
import { defaultOperatorRegistry, resolvesOnlyLibraryOperators, type OperatorRegistry } from "./operators.js";
import { checkRuleSet } from "./parseRuleSet.js";
import { referencedFacts } from "./referencedFacts.js";
import { evaluationOrder } from "./ruleOrder.js";
import type { RuleSet, RuleSetKindT, RuleT } from "./ruleSetSchema.js";
import { emitEvaluatorSource } from "./compile/generatedSource.js";
import { loadGeneratedEvaluator, type GeneratedRecord, type GeneratedRun } from "./compile/loadGenerated.js";
import type { RecordLayout } from "./compile/recordLayout.js";
import { replayTrace, type TracedRuleInfo } from "./compile/replayTrace.js";
import { tracedRuleConditions } from "./compile/tracedConditions.js";
import { builtWhenRead } from "../_lib/builtWhenRead.js";

export interface CompileOptions {
  /** Operators (built-in and custom) shared with the reference evaluator. */
  readonly operators?: OperatorRegistry;
  /** The language of a refused rule set's issues (default zh-CN). */
  readonly lang?: Lang;
  /** As json-rules-engine's option: a missing fact reads as `undefined` instead of failing the run. */
  readonly allowUndefinedFacts?: boolean;
  /** Build the per-rule trace on every run (default true); `run(facts, { trace })` overrides. */
  readonly trace?: boolean;
  /**
   * Generate JavaScript for the trace-free path (default true). Off, or where code
   * generation is forbidden (CSP), the traced closures run instead and the trace is
   * dropped: same results, slower. `evaluator` and `fallbackReason` say which ran.
   */
  readonly codegen?: boolean;
  /** Leaves per generated function, at most (tuning; see generatedSource.ts). */
  readonly leavesPerFunction?: number;
  /** Index rules by an equality key when at least this many share one fact (default 16; Infinity: never). */
  readonly indexMinRules?: number;
  /** Rules of one shape that share a loop over a table of their literals (default 8; Infinity: never). */
  readonly templateMinRules?: number;
}

export interface RunOptions {
  readonly trace?: boolean;
}

/** Which evaluator answers `run(facts, { trace: false })`; with a trace the closures always do. */
export type EvaluatorKind = "generated" | "closures";

export interface CompiledRuleSet {
  readonly id: string;
  readonly version: string;
  readonly kind: RuleSetKindT;
  /** The rules in evaluation order: priority (highest first), then file position. */
  readonly rules: readonly { readonly name: string; readonly priority: number }[];
  /** The facts the rules read; with `allowUndefinedFacts` off each must be present. */
  readonly facts: readonly string[];
  /** The evaluator of the trace-free path. */
  readonly evaluator: EvaluatorKind;
  /** Why `evaluator` is "closures": `codegen: false`, or why the generated source did not load. */
  readonly fallbackReason?: string;
  /** The generated JavaScript (a factory body; rule i of `rules` fires `fe[i]`), for inspection. */
  readonly source?: string;
  /**
   * The equality index the trace-free path dispatches on (see compile/equalityIndex.ts):
   * which fact keys how many rules under how many keys. Absent when none is worth building.
   */
  readonly index?: { readonly fact: string; readonly path?: string; readonly rules: number; readonly keys: number };
  /**
   * Evaluates every rule against `facts`, JSON data as `JSON.parse` gives it. With the
   * trace on, the trace is recorded compactly and built when `trace` is first read.
   */
  run(facts: Facts, options?: RunOptions): EvaluationResult;
  /** A traced run whose readable trace is built when `trace()` is first called. */
  record(facts: Facts): RecordedRun;
}

/**
 * Compiles a rule set into a synchronous evaluator: generated code for the trace-free
 * path, traced closures for the trace and as the fallback; operators taken from
 * json-rules-engine's own `OperatorMap`, no promises and no almanac.
 *
 * Equal to json-rules-engine's `Engine` on every valid rule set (the differential tests
 * prove it), with one documented difference: events of equal priority come out in file
 * order, where json-rules-engine orders them by promise completion.
 *
 * @example
 * const rules = compileRuleSet(ruleSetJson);
 * rules.run({ daysSinceDelivery: 3 }).events //=> [{ type: "noReasonReturn.allowed", … }]
 * rules.evaluator //=> "generated"
 */
export function compileRuleSet(input: unknown, options: CompileOptions = {}): CompiledRuleSet {
  const operators = options.operators ?? defaultOperatorRegistry();
  const parsed = checkRuleSet(input, operators);
  if (!parsed.success) throw new PolicyError(parsed.issues, options.lang);
  return compileValidRuleSet(parsed.data, { ...options, operators });
}

/** Compiled rule sets whose every operator is json-rules-engine's own (decided when compiled). */
const pureRuns = new WeakSet<CompiledRuleSet>();

/** Compiles a rule set already checked by `safeParseRuleSet` with the same registry. */
export function compileValidRuleSet(ruleSet: RuleSet, options: CompileOptions = {}): CompiledRuleSet {
  const operators = options.operators ?? defaultOperatorRegistry();
  const allowUndefinedFacts = options.allowUndefinedFacts ?? false;
  const traceByDefault = options.trace ?? true;
  const ordered = evaluationOrder(ruleSet.rules);
  const rules = ordered.map(({ rule, priority }) => {
    // Frozen copies: every run hands out the same event objects, and the caller's
    // rule-set object stays untouched.
    const event = deepFreeze(structuredClone({ type: rule.event.type, ...(rule.event.params ? { params: rule.event.params } : {}) }));
    const fired: FiredEvent = Object.freeze({ ...event, rule: rule.name, priority });
    return { name: rule.name, priority, event, fired };
  });
  const ruleInfos: readonly TracedRuleInfo[] = rules;
  const facts = referencedFacts(ruleSet);

  const requireFacts = (input: Facts) => {
    if (allowUndefinedFacts) return;
    for (const name of facts) {
      if (!Object.hasOwn(input, name)) throw new RuleEvaluationError({ code: "undefined_fact", path: [], params: { fact: name } }, { fact: name });
    }
  };
  // The traced closures: the fallback without codegen, and the precise error where the
  // generated code stops. Built on first use (a large rule set rarely needs them).
  let closures: ((input: Facts) => RuleTrace["conditions"])[] | undefined;
  const runTraced = (input: Facts): { events: FiredEvent[]; trace: RuleTrace[] } => {
    if (closures === undefined) {
      const traced = tracedRuleConditions(ruleSet, operators);
      closures = ordered.map(({ rule }) => traced(rule));
    }
    requireFacts(input);
    const events: FiredEvent[] = [];
    const trace: RuleTrace[] = [];
    for (let i = 0; i < rules.length; i++) {
      const rule = rules[i]!;
      const conditions = closures[i]!(input);
      const fired = conditions.result === true;
      if (fired) events.push(rule.fired);
      trace.push({ rule: rule.name, priority: rule.priority, fired, event: rule.event, conditions });
    }
    return { events, trace };
  };

  // What both generated evaluators are emitted from.
  const toGenerate: GeneratedInputs = {
    ruleSet,
    orderedRules: ordered.map((o) => o.rule),
    operators,
    requiredFacts: allowUndefinedFacts ? undefined : facts,
    firedEvents: rules.map((r) => r.fired),
    options,
  };
  const generated: GeneratedEvaluators = options.codegen === false ? { fallbackReason: "codegen: false" } : generatedEvaluators(toGenerate);
  const fast = generated.run;
  // The recorder is generated when a traced run first needs it: a service deciding with
  // the trace off never pays for it.
  let recorder: { record: GeneratedRecord; layout: RecordLayout } | undefined;
  const recorderOf = () =>
    (recorder ??= generatedRecorder(toGenerate));

  // The generated code stops on a missing fact (null) or a throwing operator without
  // saying where; the traced closures, which evaluate the same conditions, then raise
  // the precise error. If they do not, the two evaluators disagree: say so loudly.
  const explainStop = (input: Facts, stop: unknown): never => {
    runTraced(input);
    throw new Error(`aftersales-policy bug: the generated evaluator of rule set "${ruleSet.id}" stopped where the traced closures did not`, stop === null ? undefined : { cause: stop });
  };
  const record = (input: Facts): RecordedRun => {
    if (fast === undefined) {
      const eager = runTraced(input);
      return new EagerRun(eager.events, eager.trace);
    }
    const { record: recordRun, layout } = recorderOf();
    const values: unknown[] = new Array(layout.slots);
    let events: FiredEvent[] | null;
    try {
      events = recordRun(input, values);
    } catch (error) {
      return explainStop(input, error);
    }
    return events === null ? explainStop(input, null) : new Recording(events, layout, ruleInfos, values);
  };
  const index = generated.index;
  const compiled: CompiledRuleSet = {
    id: ruleSet.id,
    version: ruleSet.version,
    kind: ruleSet.kind,
    rules: rules.map(({ name, priority }) => ({ name, priority })),
    facts,
    evaluator: fast ? "generated" : "closures",
    ...(generated.fallbackReason === undefined ? {} : { fallbackReason: generated.fallbackReason }),
    ...(generated.source === undefined ? {} : { source: generated.source }),
    ...(index === undefined ? {} : { index }),
    run(input, runOptions) {
      if (runOptions?.trace ?? traceByDefault) {
        const recorded = record(input);
        return traceWhenRead({ events: recorded.events }, recorded);
      }
      if (fast === undefined) return { events: runTraced(input).events, trace: NO_TRACE };
      let events: FiredEvent[] | null;
      try {
        events = fast(input);
      } catch (error) {
        return explainStop(input, error);
      }
      return events === null ? explainStop(input, null) : { events, trace: NO_TRACE };
    },
    record,
  };
  if (resolvesOnlyLibraryOperators(operators)) pureRuns.add(compiled);
  return compiled;
}

/**
 * Whether a compiled rule set's runs are pure functions of the facts they read: compiled with
 * a registry `createOperatorRegistry` made without custom operators or decorators, so every
 * operator is json-rules-engine's own. Then a run recorded later, on the same facts, records
 * what a run now would have (the decision's trace is recorded when read, runStage.ts).
 */
export function runsArePure(compiled: CompiledRuleSet): boolean {
  return pureRuns.has(compiled);
}

/** A traced run's result: its trace replayed when first read (a getter shared by every result, see builtWhenRead). */
const traceWhenRead = builtWhenRead("trace", (recorded: RecordedRun) => recorded.trace());

/** A recorded run: the trace is replayed from the stored values once, when first asked for. */
class Recording implements RecordedRun {
  #trace: readonly RuleTrace[] | undefined;
  constructor(
    readonly events: readonly FiredEvent[],
    private readonly layout: RecordLayout,
    private readonly rules: readonly TracedRuleInfo[],
    private readonly values: readonly unknown[],
  ) {}
  trace(): readonly RuleTrace[] {
    return (this.#trace ??= replayTrace(this.layout, this.rules, this.values));
  }
}

/** A run of the traced closures (no codegen): the trace exists already. */
class EagerRun implements RecordedRun {
  constructor(
    readonly events: readonly FiredEvent[],
    private readonly built: readonly RuleTrace[],
  ) {}
  trace(): readonly RuleTrace[] {
    return this.built;
  }
}

const NO_TRACE: readonly RuleTrace[] = Object.freeze([]);

interface GeneratedEvaluators {
  readonly run?: GeneratedRun;
  readonly source?: string;
  readonly fallbackReason?: string;
  readonly index?: CompiledRuleSet["index"];
}

/** A rule set as the emitter takes it: its rules in evaluation order, each one's event, and the facts checked first. */
interface GeneratedInputs {
  readonly ruleSet: RuleSet;
  readonly orderedRules: readonly RuleT[];
  readonly operators: OperatorRegistry;
  readonly requiredFacts: readonly string[] | undefined;
  readonly firedEvents: readonly FiredEvent[];
  readonly options: CompileOptions;
}

/** The generated evaluators with their source, or the source and why it did not load. */
function generatedEvaluators({ ruleSet, orderedRules, operators, requiredFacts, firedEvents, options }: GeneratedInputs): GeneratedEvaluators {
  const emitted = emitEvaluatorSource(ruleSet, orderedRules, operators, {
    requiredFacts,
    leavesPerFunction: options.leavesPerFunction,
    indexMinRules: options.indexMinRules,
    templateMinRules: options.templateMinRules,
  });
  const loaded = loadGeneratedEvaluator(emitted, firedEvents);
  if (!("run" in loaded)) return { source: emitted.source, fallbackReason: `the generated source did not load: ${loaded.reason}` };
  const ix = emitted.index;
  const index = ix === undefined ? undefined : { fact: ix.fact, ...(ix.path === undefined ? {} : { path: ix.path }), rules: ix.keyed.size, keys: ix.buckets.size };
  return { run: loaded.run, source: emitted.source, ...(index ? { index } : {}) };
}

/**
 * The recording evaluator. The trace-free source loaded, so this one loads too (same
 * emitter, same environment): if it does not, that is a bug, said loudly.
 */
function generatedRecorder({ ruleSet, orderedRules, operators, requiredFacts, firedEvents, options }: GeneratedInputs): { record: GeneratedRecord; layout: RecordLayout } {
  const emitted = emitEvaluatorSource(ruleSet, orderedRules, operators, { requiredFacts, leavesPerFunction: options.leavesPerFunction, recorder: true });
  const loaded = loadGeneratedEvaluator(emitted, firedEvents);
  if (!("run" in loaded)) throw new Error(`aftersales-policy bug: the recording evaluator of rule set "${ruleSet.id}" did not load: ${loaded.reason}`);
  return { record: loaded.run, layout: emitted.layout! };
}

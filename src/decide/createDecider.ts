import type { Case } from "../case/caseSchema.js";
import { parseCase } from "../case/parseCase.js";
import { defaultPolicy } from "../policy/defaultPolicy.js";
import { safeCompilePolicy } from "../policy/compilePolicy.js";
import type { Policy, PolicyInput } from "../policy/policy.js";
import { AftersalesError, type PolicyError } from "../_lib/errors.js";
import { DEFAULT_LANG, type Lang } from "../_lib/issues.js";
import { failed, ok, type Result } from "../_lib/result.js";
import { RuleEvaluationError } from "../engine/evaluation.js";
import { zone as makeZone } from "../time/index.js";
import { CaseValidationError } from "./errors.js";
import { decisionSteps } from "./pipeline.js";
import { runStageCompiled, runStageReference } from "./runStage.js";
import type { Decision } from "./types.js";

export interface DeciderOptions {
  /** The policy to decide by; the bundled one by default. */
  readonly policy?: Policy;
  /** When a decision is made (`decidedAt`); injected so decisions are reproducible. */
  readonly clock?: () => Date;
  /** The policy's time zone: calendar days are counted here. Default Asia/Shanghai. */
  readonly timeZone?: string;
  /** Include the per-rule trace in every decision (default true). */
  readonly trace?: boolean;
  /** The language of issues and errors: invalid cases, refused policies, failed rules (default zh-CN). */
  readonly lang?: Lang;
}

export type SafeDecision = Result<Decision, CaseValidationError | RuleEvaluationError>;

/** The policy now in force and the one it replaced, or the error (with every issue) that refused the new one. */
export type SwapResult = Result<{ readonly previous: { readonly id: string; readonly version: string }; readonly policy: Policy }, PolicyError>;

export interface Decider {
  /** The policy decisions are made by now. */
  readonly policy: Policy;
  /**
   * Replaces the policy without a gap. An input policy is validated and compiled completely
   * first; a broken one changes nothing and comes back with its issues. Every decision is
   * made wholly by the one policy current when it started, and names it.
   */
  swapPolicy(next: Policy | PolicyInput): SwapResult;
  /** Decides a case synchronously; throws `CaseValidationError` (with every issue) on bad input, `RuleEvaluationError` when a rule fails. */
  decide(input: unknown): Decision;
  /** As `decide`, returning `{ success, data | error }` instead of throwing. */
  safeDecide(input: unknown): SafeDecision;
  /** Decides each input lazily, in order: one result per input, never stopping at a bad one. */
  decideMany(inputs: Iterable<unknown>): IterableIterator<SafeDecision>;
  /** Decides with json-rules-engine's own `Engine` (the reference evaluator): slower, async, same decision. */
  decideWithReference(input: unknown): Promise<Decision>;
}

/**
 * @example
 * const { decide } = createDecider({ clock: () => new Date("2026-03-04T10:00:00+08:00") });
 * decide(caseJson).eligibility.return.open //=> "all"
 */
export function createDecider(options: DeciderOptions = {}): Decider {
  let current: Policy = options.policy ?? defaultPolicy();
  const clock = options.clock ?? (() => new Date());
  const z = makeZone(validTimeZone(options.timeZone ?? "Asia/Shanghai"));
  const trace = options.trace ?? true;

  const lang = options.lang ?? DEFAULT_LANG;
  const parseOptions = { lang } as const;
  const parse = (input: unknown): Case => parseCase(input, parseOptions);

  const decideOnce = (input: unknown): Decision => {
    const policy = current; // read once: the whole decision uses this version
    const steps = decisionSteps(parse(input), policy, z, clock(), trace);
    let step = steps.next();
    while (!step.done) step = steps.next(runStageCompiled(policy, step.value, trace));
    return step.value;
  };
  const decide = (input: unknown): Decision => {
    try {
      return decideOnce(input);
    } catch (error) {
      // A failing rule (or a case found late to contradict the clock) does not know the caller's language; its error is given in it here.
      throw error instanceof AftersalesError ? error.inLang(lang) : error;
    }
  };

  const safeDecide = (input: unknown): SafeDecision => {
    try {
      return ok(decide(input));
    } catch (error) {
      if (error instanceof CaseValidationError || error instanceof RuleEvaluationError) return failed(error);
      throw error;
    }
  };

  return {
    get policy() {
      return current;
    },
    swapPolicy(next) {
      const compiled = isCompiledPolicy(next) ? ok(next) : safeCompilePolicy(next, { lang });
      if (!compiled.success) return compiled;
      const previous = { id: current.id, version: current.version };
      current = compiled.data;
      return ok({ previous, policy: current }, compiled.warnings);
    },
    decide,
    safeDecide,
    *decideMany(inputs) {
      for (const input of inputs) yield safeDecide(input);
    },
    async decideWithReference(input) {
      const policy = current; // captured before the first await: swaps during this decision do not reach it
      const steps = decisionSteps(parse(input), policy, z, clock(), trace);
      let step;
      try {
        step = steps.next();
        while (!step.done) step = steps.next(await runStageReference(policy, step.value, trace));
      } catch (error) {
        throw error instanceof AftersalesError ? error.inLang(lang) : error;
      }
      return step.value;
    },
  };
}

// Policies come out of compilePolicy deep-frozen with compiled stages; anything else is input.
function isCompiledPolicy(p: Policy | PolicyInput): p is Policy {
  return "stages" in p && Object.isFrozen(p);
}

function validTimeZone(name: string): string {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: name });
  } catch {
    throw new RangeError(`Unknown time zone "${name}" (an IANA name such as "Asia/Shanghai")`);
  }
  return name;
}

import type { ConditionTrace, FiredEvent, RuleTrace } from "../engine/evaluation.js";
import type { Effect, Source } from "./types.js";

/** A fired event with the layer and rule set that produced it. */
export interface StageEvent extends Source {
  readonly type: string;
  readonly params: Readonly<Record<string, unknown>>;
}

export interface StageTrace extends Source {
  readonly fired: boolean;
  readonly effect: Effect;
  readonly conditions: ConditionTrace;
}

/** The part of a rule's event that says what it is about, for traces and explanations. */
export function effectOf(event: { type: string; params?: Readonly<Record<string, unknown>> }): Effect {
  const p = event.params ?? {};
  return {
    type: event.type,
    // Lifetime repair is about repair without saying so in its params.
    ...(typeof p.remedy === "string" ? { remedy: p.remedy } : event.type === "promise.lifetimeRepair" ? { remedy: "repair" } : {}),
    ...(typeof p.option === "string" ? { option: p.option } : {}),
  };
}

/**
 * What one stage's rule sets produced, over all layers, in layer order. The trace is a
 * function: the compiled path records compactly while deciding and builds the readable
 * trace only when the decision's `trace` is read.
 */
export interface StageOutcome {
  readonly events: readonly StageEvent[];
  trace(): readonly StageTrace[];
}

/** A rule's trace with the layer and rule set it belongs to. */
export function stageTraceOf(layer: string, ruleSet: string, t: RuleTrace): StageTrace {
  return { layer, ruleSet, rule: t.rule, fired: t.fired, effect: effectOf(t.event), conditions: t.conditions };
}

// A compiled rule hands out the same frozen event on every run, and belongs to one rule set
// of one layer: its tagged form can be built once. A cache keyed by immutable objects.
const tagged = new WeakMap<FiredEvent, StageEvent>();

export function tagEvent(e: FiredEvent, layer: string, ruleSet: string): StageEvent {
  let t = tagged.get(e);
  if (t === undefined) {
    t = { type: e.type, params: e.params ?? {}, layer, ruleSet, rule: e.rule };
    // What perEvent derives from it, in a slot per deriving function: a property read
    // instead of a WeakMap lookup, several times per line. Not enumerable: no reader of an
    // event sees it.
    Object.defineProperty(t, DERIVED, { value: [] });
    Object.freeze(t);
    if (Object.isFrozen(e)) tagged.set(e, t);
  }
  return t;
}

const DERIVED = "derived";

export function sourceOf(e: StageEvent): Source {
  return { layer: e.layer, ruleSet: e.ruleSet, rule: e.rule };
}

/**
 * A value derived from one event's (frozen) params, built once per event and shared, frozen,
 * by every decision it appears in — like the citation and message objects inside it.
 */
export function perEvent<T extends object>(build: (e: StageEvent) => T): (e: StageEvent) => T {
  const slot = derivations++;
  const cache = new WeakMap<StageEvent, T>(); // for events tagEvent did not make
  return (e) => {
    const derived = (e as { readonly [DERIVED]?: (T | undefined)[] })[DERIVED];
    let v = derived === undefined ? cache.get(e) : derived[slot];
    if (v === undefined) {
      v = Object.freeze(build(e));
      if (derived === undefined) cache.set(e, v);
      else derived[slot] = v;
    }
    return v;
  };
}

let derivations = 0;

export function eventsOfType<P>(events: readonly StageEvent[], type: string): (StageEvent & { params: P })[] {
  return events.filter((e) => e.type === type) as (StageEvent & { params: P })[];
}

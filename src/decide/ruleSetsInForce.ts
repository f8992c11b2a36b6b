import { deepFreeze } from "../_lib/deepFreeze.js";
import type { RuleSetKindT } from "../engine/ruleSetSchema.js";
import type { Policy, StageRuleSet } from "../policy/policy.js";
import type { Decision } from "./types.js";

/** The rule sets one case is decided by, per stage, and how its decision names them. */
export interface RuleSetsInForce {
  readonly stages: Readonly<Record<RuleSetKindT, readonly StageRuleSet[]>>;
  readonly ref: Decision["policy"];
}

const KINDS: readonly RuleSetKindT[] = ["sla", "eligibility", "compensation"];

/**
 * Which of a policy's rule sets apply to a case placed on zone-day `placedDay` and reported
 * on `requestDay` (both civil dates in the policy's zone). A statutory rule set always
 * applies: the law is a floor for every case. Any other applies when its effective dates
 * hold the order's date, or (with `inForceAt: "orderOrRequest"`, the default) the request's:
 * a promise in force at purchase binds a later request (实施条例 art. 12), and a rule set in
 * force by the request may add to it. A rule set in force at neither never fires.
 *
 * Built once per policy and set of rule sets: most cases share the answer.
 *
 * @example
 * ruleSetsInForce(defaultPolicy(), zoneDay(placed, z), zoneDay(reported, z)).ref.notInForce //=> []
 */
export function ruleSetsInForce(policy: Policy, placedDay: number, requestDay: number): RuleSetsInForce {
  const byRequest = policy.inForceAt === "orderOrRequest";
  let cache = cached.get(policy);
  if (cache === undefined) cached.set(policy, (cache = { all: undefined, some: new Map() }));
  // Usually every rule set is in force: that answer needs no key.
  let everyOne = true;
  for (let k = 0; k < KINDS.length && everyOne; k++) {
    for (const s of policy.stages[KINDS[k]!]) {
      if (!inForce(s, placedDay, requestDay, byRequest)) {
        everyOne = false;
        break;
      }
    }
  }
  if (everyOne) return (cache.all ??= build(policy, () => true));
  let key = "";
  for (const kind of KINDS) {
    for (const s of policy.stages[kind]) key += inForce(s, placedDay, requestDay, byRequest) ? "1" : "0";
  }
  let found = cache.some.get(key);
  if (found === undefined) {
    let i = 0;
    found = build(policy, () => key[i++] === "1");
    cache.some.set(key, found);
  }
  return found;
}

const cached = new WeakMap<Policy, { all: RuleSetsInForce | undefined; readonly some: Map<string, RuleSetsInForce> }>();

function inForce(s: StageRuleSet, placedDay: number, requestDay: number, byRequest: boolean): boolean {
  return s.statutory || within(s, placedDay) || (byRequest && within(s, requestDay));
}

function within(s: StageRuleSet, day: number): boolean {
  return s.from <= day && day <= s.to;
}

/** The answer for the policy's rule sets, each in order (sla, eligibility, compensation) said in force or not by `next`. */
function build(policy: Policy, next: () => boolean): RuleSetsInForce {
  const applied: string[] = [];
  const notInForce: string[] = [];
  const stages = {} as Record<RuleSetKindT, readonly StageRuleSet[]>;
  for (const kind of KINDS) {
    const all = policy.stages[kind];
    const kept = all.filter((s) => {
      const applies = next();
      (applies ? applied : notInForce).push(s.key);
      return applies;
    });
    // The policy's own (frozen) list when nothing is left out: decisions share it.
    stages[kind] = kept.length === all.length ? all : Object.freeze(kept);
  }
  const ref = deepFreeze({ id: policy.id, version: policy.version, layers: policy.layers.map((l) => l.name), ruleSets: applied, notInForce });
  return Object.freeze({ stages: Object.freeze(stages), ref });
}

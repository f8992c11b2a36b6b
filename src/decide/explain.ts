import { DEFAULT_LANG, type Lang } from "../_lib/issues.js";
import type { ConditionTrace, LeafTrace } from "../engine/evaluation.js";
import { REMEDIES } from "../policy/format/eventSchemas.js";
import type { Decision, TraceEntry } from "./types.js";

export interface ExplainOptions {
  /** Default zh-CN, as everywhere (DEFAULT_LANG). */
  readonly lang?: Lang;
  /** How many rules that nearly fired to show per verdict (default 3). */
  readonly nearMisses?: number;
}

/** A leaf condition that kept a rule from firing: what was read and what was expected. */
export interface FailedCondition {
  readonly fact: string;
  readonly path?: string;
  readonly operator: string;
  readonly expected: unknown;
  readonly actual: unknown;
  /** The condition sits under a `not`, so it failed by holding. */
  readonly negated: boolean;
}

/** The conditions that failed, in order; empty when the rule fired. */
export function failedConditions(node: ConditionTrace, negated = false): FailedCondition[] {
  if ("fact" in node) {
    const leaf = node as LeafTrace;
    return (leaf.result === true) === negated
      ? [{ fact: leaf.fact, ...(leaf.path ? { path: leaf.path } : {}), operator: leaf.operator, expected: leaf.valueResult, actual: leaf.factResult, negated }]
      : [];
  }
  if (node.result === !negated) return [];
  if ("condition" in node) return failedConditions(node.resolved, negated);
  if ("not" in node) return failedConditions(node.not, !negated);
  const children = "all" in node ? node.all : node.any;
  return children.flatMap((c) => failedConditions(c, negated));
}

const T = {
  "zh-CN": {
    sla: "服务等级", fired: "已触发", nearly: "差一点触发", failed: "未满足", was: "实际", allowed: "可以", denied: "不可", undetermined: "待定",
    review: "人工复核", compensation: "补偿方案", not: "非", noRules: "（没有相关规则）",
    remedies: { return: "退货", exchange: "换货", repair: "维修", refundOnly: "仅退款", reship: "补发" } as Record<string, string>,
  },
  en: {
    sla: "SLA tier", fired: "fired", nearly: "nearly fired", failed: "failed", was: "was", allowed: "allowed", denied: "denied", undetermined: "undetermined",
    review: "Manual review", compensation: "Compensation", not: "not", noRules: "(no rules about it)",
    remedies: { return: "Return", exchange: "Exchange", repair: "Repair", refundOnly: "Refund only", reship: "Reship" } as Record<string, string>,
  },
};

/**
 * Why each verdict came out: the rules that fired and those that nearly did, with each
 * failed condition's fact value and expected value. Reads only the decision's trace, so
 * it needs a decision made with `trace: true` (the default).
 *
 * @example
 * explain(decide(caseJson), { lang: "en" }) //=> "Return: allowed\n  fired  statutory-cn/…"
 */
export function explain(decision: Decision, options: ExplainOptions = {}): string {
  const lang = options.lang ?? DEFAULT_LANG;
  const L = T[lang];
  const limit = options.nearMisses ?? 3;
  const out: string[] = [];
  const section = (title: string, entries: readonly TraceEntry[]) => {
    out.push(title);
    if (entries.length === 0) out.push(`  ${L.noRules}`);
    for (const e of entries.filter((x) => x.fired)) out.push(`  ✔ ${L.fired}  ${e.layer}/${e.rule}`);
    const near = entries
      .filter((x) => !x.fired)
      .map((e) => ({ e, failed: failedConditions(e.conditions) }))
      .sort((a, b) => a.failed.length - b.failed.length)
      .slice(0, limit);
    for (const { e, failed } of near) {
      out.push(`  ✘ ${L.nearly}  ${e.layer}/${e.rule}  (${failed.length} ${L.failed})`);
      for (const f of failed) {
        out.push(`      ${f.negated ? `${L.not} ` : ""}${f.fact}${f.path ? ` ${f.path}` : ""} ${f.operator} ${JSON.stringify(f.expected)} — ${L.was} ${f.actual === undefined ? "undefined" : JSON.stringify(f.actual)}`);
      }
    }
  };

  const trace = decision.trace;
  section(`${L.sla}: ${decision.sla.tier}`, trace.filter((t) => t.effect.type === "sla.tier"));
  for (const line of decision.lines) {
    const ofLine = trace.filter((t) => t.line === line.line);
    for (const remedy of REMEDIES) {
      const verdict = line.eligibility[remedy];
      const allowed = verdict.status === "allowed";
      section(
        `${decision.lines.length > 1 ? `[${line.line}] ` : ""}${L.remedies[remedy]}: ${L[verdict.status]}${verdict.deadline ? ` (${verdict.deadline})` : ""}`,
        ofLine.filter((t) => t.effect.remedy === remedy && (!allowed || t.effect.type === "remedy.allowed" || t.effect.type === "promise.lifetimeRepair")),
      );
    }
  }
  section(`${L.review}: ${decision.eligibility.manualReview.required ? "✔" : "—"}`, trace.filter((t) => t.effect.type === "review.required"));
  for (const option of decision.compensation.options) {
    section(`${L.compensation} ${option.label[lang]}: ¥${(option.total.amount / 100).toFixed(2)}`, trace.filter((t) => t.effect.option === option.id));
  }
  return out.join("\n");
}

import { REMEDIES } from "../../policy/format/eventSchemas.js";
import type { Decision } from "../../decide/types.js";

/** What a batch decided, summed: merged across chunks and workers. */
export interface BatchStats {
  decided: number;
  invalid: number;
  tiers: Record<"1" | "2" | "3", number>;
  /** Per remedy, requested lines by verdict. */
  remedies: Record<string, { allowed: number; denied: number; undetermined: number }>;
  /** Requested order lines decided. */
  lines: number;
  manualReview: number;
  /** Sum over decisions of the first (primary) compensation option's total, in fen. */
  compensationFen: number;
}

export function emptyStats(): BatchStats {
  return {
    decided: 0,
    invalid: 0,
    tiers: { "1": 0, "2": 0, "3": 0 },
    remedies: Object.fromEntries(REMEDIES.map((r) => [r, { allowed: 0, denied: 0, undetermined: 0 }])),
    lines: 0,
    manualReview: 0,
    compensationFen: 0,
  };
}

export function countDecision(stats: BatchStats, d: Decision): void {
  stats.decided++;
  stats.tiers[String(d.sla.tier) as "1" | "2" | "3"]++;
  for (const line of d.lines) {
    stats.lines++;
    for (const r of REMEDIES) stats.remedies[r]![line.eligibility[r].status]++;
  }
  if (d.eligibility.manualReview.required) stats.manualReview++;
  stats.compensationFen += d.compensation.options[0]?.total.amount ?? 0;
}

export function mergeStats(into: BatchStats, from: BatchStats): void {
  into.decided += from.decided;
  into.invalid += from.invalid;
  for (const t of ["1", "2", "3"] as const) into.tiers[t] += from.tiers[t];
  for (const r of REMEDIES) {
    into.remedies[r]!.allowed += from.remedies[r]!.allowed;
    into.remedies[r]!.denied += from.remedies[r]!.denied;
    into.remedies[r]!.undetermined += from.remedies[r]!.undetermined;
  }
  into.lines += from.lines;
  into.manualReview += from.manualReview;
  into.compensationFen += from.compensationFen;
}

export function renderStats(s: BatchStats, seconds: number): string {
  const yuan = (s.compensationFen / 100).toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const total = s.decided + s.invalid;
  return [
    `${total.toLocaleString("en-US")} cases in ${seconds.toFixed(1)} s (${Math.round(total / Math.max(seconds, 1e-9)).toLocaleString("en-US")}/s): ${s.decided.toLocaleString("en-US")} decided, ${s.invalid.toLocaleString("en-US")} invalid`,
    `SLA tier 1: ${s.tiers["1"]}, tier 2: ${s.tiers["2"]}, tier 3: ${s.tiers["3"]}`,
    `requested lines: ${s.lines.toLocaleString("en-US")}`,
    ...REMEDIES.map((r) => `${r.padEnd(10)} allowed ${s.remedies[r]!.allowed}, denied ${s.remedies[r]!.denied}, undetermined ${s.remedies[r]!.undetermined}`),
    `manual review: ${s.manualReview}`,
    `compensation (primary option): ¥${yuan}`,
  ].join("\n");
}

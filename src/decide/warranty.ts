import type { SanbaoCategory } from "../policy/format/sanbaoTable.js";
import { monthWindowDeadline, type Zone } from "../time/index.js";

/** A line's 三包 period as the rules read it. */
export interface Warranty {
  /** The period (months) that applies: the failed part's, else the whole unit's; null when none is known. */
  readonly months: number | null;
  /** The first instant after the period; undefined when it cannot be known. */
  readonly deadline: Date | undefined;
  /** reportedAt is inside the period; null when not delivered, no period is known, or it depends on a part the case does not name. */
  readonly within: boolean | null;
  /** The verdict depends on which part failed (their periods decide differently) and the case does not say. */
  readonly partNeeded: boolean;
}

/** Names of a failed part that follows the whole unit's period: the main unit itself, or a part without a period of its own. */
const WHOLE_UNIT_PARTS: ReadonlySet<string> = new Set(["main_unit", "other"]);

/**
 * The 三包 period of a requested line, from delivery (实施条例 art. 18 ¶1). The statutory period is
 * a floor a promise can only lengthen (`warrantyMonthsOf`), for the whole unit and for each part
 * with its own period (TV main parts 3 years, phone battery 6 months). Which period applies
 * depends on the part that failed: a part the row names, or `main_unit` / `other` (the whole
 * unit's). When the
 * case does not say and the candidate periods answer differently at `reportedAt`, the answer is
 * unknown (`within: null`, `partNeeded`): never guessed either way. When they agree, the
 * earliest candidate deadline is shown — the first instant the part could matter.
 */
export function warrantyOf(
  row: SanbaoCategory | undefined,
  promised: number | undefined,
  failedPart: string | undefined,
  deliveredAt: Date | undefined,
  reportedAt: Date,
  z: Zone,
): Warranty {
  const whole = warrantyMonthsOf(promised, row?.warrantyMonths ?? null);
  const parts = row?.parts;
  const partMonths = parts !== undefined && failedPart !== undefined && Object.hasOwn(parts, failedPart) ? parts[failedPart] : undefined;
  if (partMonths !== undefined || (failedPart !== undefined && WHOLE_UNIT_PARTS.has(failedPart)) || parts === undefined || isEmpty(parts)) {
    const months = partMonths === undefined ? whole : warrantyMonthsOf(promised, partMonths);
    return periodOf(months, deliveredAt, reportedAt, z);
  }
  // The part is not named (or not one the row knows): every candidate period.
  const wholePeriod = periodOf(whole, deliveredAt, reportedAt, z);
  if (deliveredAt === undefined || whole === null) return wholePeriod;
  let earliest = wholePeriod.deadline!;
  for (const key in parts) {
    const candidate = periodOf(warrantyMonthsOf(promised, parts[key]!), deliveredAt, reportedAt, z);
    if (candidate.within !== wholePeriod.within) return { months: whole, deadline: undefined, within: null, partNeeded: true };
    if (candidate.deadline!.getTime() < earliest.getTime()) earliest = candidate.deadline!;
  }
  return { months: whole, deadline: earliest, within: wholePeriod.within, partNeeded: false };
}

function periodOf(months: number | null, deliveredAt: Date | undefined, reportedAt: Date, z: Zone): Warranty {
  const deadline = deliveredAt !== undefined && months !== null ? monthWindowDeadline(deliveredAt, months, z) : undefined;
  return { months, deadline, within: deadline === undefined ? null : reportedAt.getTime() < deadline.getTime(), partNeeded: false };
}

function isEmpty(o: object): boolean {
  for (const _ in o) return false;
  return true;
}

/**
 * The 三包 period: the statutory one is a floor. A promise can only lengthen it (实施条例 art. 18
 * ¶1, 民法典 art. 622 ¶2, 消保法 art. 26: "6 months" or "no warranty" on a phone leaves its
 * statutory year); a longer promise binds, and outside the catalogue a promise is the period.
 */
export function warrantyMonthsOf(promised: number | undefined, statutory: number | null): number | null {
  if (promised === undefined) return statutory;
  return statutory === null ? promised : Math.max(promised, statutory);
}

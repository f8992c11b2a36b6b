import type { OrderItem } from "../case/caseSchema.js";
import type { SanbaoCategory } from "../policy/format/sanbaoTable.js";
import { dayWindowDeadline, daysSinceDelivery, monthWindowDeadline, parseInstant, type Zone } from "../time/index.js";

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
 * The 三包 period of a requested line (实施条例 art. 18 ¶1): from delivery, installation or the
 * last exchange (`periodStart`), run on by the days in repair (`daysInRepair`). The statutory period is
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
  item: OrderItem,
  failedPart: string | undefined,
  deliveredAt: Date | undefined,
  reportedAt: Date,
  z: Zone,
): Warranty {
  const promised = item.warrantyMonths;
  const start = deliveredAt === undefined ? undefined : periodStart(item, deliveredAt);
  const repairDays = start === undefined || item.history?.repairs === undefined ? 0 : daysInRepair(item.history.repairs, start, reportedAt, z);
  const span: Span = { start, repairDays, reportedAt, z };
  return periods(row, promised, failedPart, span);
}

interface Span {
  readonly start: Date | undefined;
  readonly repairDays: number;
  readonly reportedAt: Date;
  readonly z: Zone;
}

/**
 * Where the 三包 period starts (实施条例 art. 18 ¶1): at delivery, or for goods the merchant
 * installs when installation was completed; and after an exchange, anew from the last one
 * (部分商品三包 art. 14 "换货后的三包有效期自换货之日起重新计算").
 */
export function periodStart(item: OrderItem, deliveredAt: Date): Date {
  let start = deliveredAt.getTime();
  if (item.installedAt !== undefined) start = Math.max(start, parseInstant(item.installedAt));
  const exchanges = item.history?.exchanges;
  if (exchanges !== undefined) for (const e of exchanges) start = Math.max(start, parseInstant(e.completedAt));
  return new Date(start);
}

/** When goods the merchant installs were installed (never before their signing), else the signing. */
export function installationOf(item: OrderItem, deliveredAt: Date): Date {
  return item.installedAt === undefined ? deliveredAt : new Date(Math.max(deliveredAt.getTime(), parseInstant(item.installedAt)));
}

/**
 * Calendar days (policy zone) the goods spent in repair since the period started, counted
 * inclusively: a day any part of which they were with the repairer is not counted against
 * the customer ("经营者修理的时间不计入上述有效期限", 实施条例 art. 18 ¶1). A repair not yet
 * returned counts to the request.
 */
export function daysInRepair(repairs: readonly { readonly handedInAt: string; readonly returnedAt?: string | undefined }[], start: Date, reportedAt: Date, z: Zone): number {
  let days = 0;
  for (const r of repairs) {
    const handedIn = parseInstant(r.handedInAt);
    if (handedIn < start.getTime()) continue; // before the period restarted
    const back = r.returnedAt === undefined ? reportedAt.getTime() : Math.min(parseInstant(r.returnedAt), reportedAt.getTime());
    days += daysSinceDelivery(new Date(handedIn), new Date(back), z) + 1;
  }
  return days;
}

function periods(row: SanbaoCategory | undefined, promised: number | undefined, failedPart: string | undefined, span: Span): Warranty {
  const start = span.start;
  const whole = warrantyMonthsOf(promised, row?.warrantyMonths ?? null);
  const parts = row?.parts;
  const partMonths = parts !== undefined && failedPart !== undefined && Object.hasOwn(parts, failedPart) ? parts[failedPart] : undefined;
  if (partMonths !== undefined || (failedPart !== undefined && WHOLE_UNIT_PARTS.has(failedPart)) || parts === undefined || isEmpty(parts)) {
    const months = partMonths === undefined ? whole : warrantyMonthsOf(promised, partMonths);
    return periodOf(months, span);
  }
  // The part is not named (or not one the row knows): every candidate period.
  const wholePeriod = periodOf(whole, span);
  if (start === undefined || whole === null) return wholePeriod;
  let earliest = wholePeriod.deadline!;
  for (const key in parts) {
    const candidate = periodOf(warrantyMonthsOf(promised, parts[key]!), span);
    if (candidate.within !== wholePeriod.within) return { months: whole, deadline: undefined, within: null, partNeeded: true };
    if (candidate.deadline!.getTime() < earliest.getTime()) earliest = candidate.deadline!;
  }
  return { months: whole, deadline: earliest, within: wholePeriod.within, partNeeded: false };
}

// The period's end, run on by the days in repair: N more days after the month period's last day.
function periodOf(months: number | null, span: Span): Warranty {
  const { start, repairDays, reportedAt, z } = span;
  let deadline = start !== undefined && months !== null ? monthWindowDeadline(start, months, z) : undefined;
  if (deadline !== undefined && repairDays > 0) deadline = dayWindowDeadline(new Date(deadline.getTime() - 1), repairDays, z);
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

/** What a line's repairs say for the 三包 exchange triggers (部分商品三包 arts. 11–12). */
export interface RepairRecord {
  /** Repairs of the same fault (history entries with sameFault). */
  readonly sameFault: number;
  /** The longest single repair not waiting for parts, in calendar days from handing in to return (or to the request). */
  readonly longestDays: number;
  /** The longest repair that waited for parts the producer did not supply, in the same days. */
  readonly partsWaitDays: number;
}

const NO_REPAIRS: RepairRecord = Object.freeze({ sameFault: 0, longestDays: 0, partsWaitDays: 0 });

/**
 * Days are counted like windows: the day handed in is day 0, so a repair handed in on 03-01 and
 * not back on 04-01 has taken 31 days ("超过30日").
 */
export function repairRecord(item: OrderItem, reportedAt: Date, z: Zone): RepairRecord {
  const repairs = item.history?.repairs;
  if (repairs === undefined || repairs.length === 0) return NO_REPAIRS;
  let sameFault = 0;
  let longestDays = 0;
  let partsWaitDays = 0;
  for (const r of repairs) {
    if (r.sameFault === true) sameFault++;
    const back = r.returnedAt === undefined ? reportedAt.getTime() : Math.min(parseInstant(r.returnedAt), reportedAt.getTime());
    const days = daysSinceDelivery(new Date(parseInstant(r.handedInAt)), new Date(back), z);
    // Waiting for parts the producer did not supply is the 90-day trigger; any other delay is the repairer's own (30 days).
    if (r.partsUnavailable === true) partsWaitDays = Math.max(partsWaitDays, days);
    else longestDays = Math.max(longestDays, days);
  }
  return { sameFault, longestDays, partsWaitDays };
}

import { dayWindowDeadline, formatInZone, monthWindowDeadline, restDayExtendedDeadline, type Zone } from "../time/index.js";

/**
 * The ends of a decision's remedy windows, each computed once per decision, with the text
 * it is shown as. The lines of an order mostly come in one or two parcels, so their 7-day,
 * 15-day and month windows start at the same signing and end at the same instants: a 10-line
 * decision computed the same few ends for every line (a tenth of its per-line cost).
 * With the policy's rest-day extension on, an end is run on over rest days (民法典 art. 203 ¶1).
 *
 * @example
 * const ends = windowEnds(zone("Asia/Shanghai"), undefined);
 * ends.days(new Date("2026-03-01T23:50:00+08:00"), 7) //=> Date.parse("2026-03-09T00:00:00+08:00")
 */
export interface WindowEnds {
  /** The first instant after an N-day window counted from `from`'s day (签收次日 is day 1). */
  days(from: Date, days: number): number;
  /** The first instant after an N-month window from `from`'s day. */
  months(from: Date, months: number): number;
  /** An instant as the decision shows it (ISO 8601 in the policy's zone): a deadline, a signing. */
  text(ms: number): string;
}

export function windowEnds(z: Zone, isRestDay: ((zoneDay: number) => boolean) | undefined): WindowEnds {
  // from-instant → (days × 2, or months × 2 + 1) → end. The lines of a decision mostly share
  // one signing, so the last instant's windows are kept at hand (a Map keyed by a number as
  // large as an instant hashes a heap number on every read).
  const ends = new Map<number, Map<number, number>>();
  let lastAt = Number.NaN;
  let lastWindows: Map<number, number> | undefined;
  const endOf = (from: Date, count: number, months: boolean): number => {
    const at = from.getTime();
    let byWindow = at === lastAt ? lastWindows : ends.get(at);
    if (byWindow === undefined) ends.set(at, (byWindow = new Map()));
    lastAt = at;
    lastWindows = byWindow;
    const code = months ? count * 2 + 1 : count * 2;
    let end = byWindow.get(code);
    if (end === undefined) {
      const deadline = months ? monthWindowDeadline(from, count, z) : dayWindowDeadline(from, count, z);
      end = (isRestDay ? restDayExtendedDeadline(deadline, z, isRestDay) : deadline).getTime();
      byWindow.set(code, end);
    }
    return end;
  };
  const texts = new Map<number, string>();
  let lastMs = Number.NaN;
  let lastText = "";
  return {
    days: (from, days) => endOf(from, days, false),
    months: (from, months) => endOf(from, months, true),
    text(ms) {
      if (ms === lastMs) return lastText;
      let text = texts.get(ms);
      if (text === undefined) texts.set(ms, (text = formatInZone(new Date(ms), z)));
      lastMs = ms;
      lastText = text;
      return text;
    },
  };
}

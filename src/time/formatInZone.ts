import { DAY_MS, isoDate } from "./civilDate.js";
import type { Zone } from "./zone.js";

/**
 * ISO-8601 with the zone's offset, to the second (as date-fns `formatISO` in the zone).
 *
 * @example
 * formatInZone(new Date("2026-03-08T16:00:00Z"), zone("Asia/Shanghai")) //=> "2026-03-09T00:00:00+08:00"
 * formatInZone(new Date("2026-03-08T16:00:00Z"), zone("UTC")) //=> "2026-03-08T16:00:00Z"
 */
export function formatInZone(at: Date, z: Zone): string {
  const ms = at.getTime();
  const offset = z.offsetMinutes(ms);
  const wallMs = ms + Math.round(offset * 60_000); // local mean time offsets have seconds
  const day = Math.floor(wallMs / DAY_MS);
  const second = Math.floor((wallMs - day * DAY_MS) / 1000);
  return `${dateText(day)}T${HOUR_MINUTE[Math.floor(second / 60)]}:${TWO[second % 60]}${offsetSuffix(offset)}`;
}

/**
 * A memo of a pure function (zone-day → "YYYY-MM-DD"): a service formats the same few days
 * over and over, and the civil-date arithmetic costs a third of a format. Direct-mapped, so
 * it never grows; whatever a slot holds, the answer is the same, and nothing else reads it.
 */
const MEMO_SLOTS = 1024; // a power of two
const memoDays = new Float64Array(MEMO_SLOTS).fill(Number.NaN);
const memoTexts = new Array<string>(MEMO_SLOTS).fill("");
function dateText(day: number): string {
  const slot = day & (MEMO_SLOTS - 1);
  if (memoDays[slot] === day) return memoTexts[slot]!;
  const text = isoDate(day);
  memoDays[slot] = day;
  memoTexts[slot] = text;
  return text;
}

/** `Z`, `+08:00`, `-03:30`, … */
function offsetSuffix(offset: number): string {
  return QUARTER_HOUR_SUFFIX[offset / 15 + 64] ?? spellOffset(offset);
}

function spellOffset(offset: number): string {
  if (offset === 0) return "Z";
  // Before standard time (Shanghai until 1901: +08:05:43) an offset has seconds; they are
  // spelled (as Temporal and java.time do), not dropped.
  const seconds = Math.round(Math.abs(offset) * 60);
  const extra = seconds % 60 === 0 ? "" : `:${TWO[seconds % 60]}`;
  return `${offset > 0 ? "+" : "-"}${pad(Math.floor(seconds / 3600))}:${TWO[Math.floor(seconds / 60) % 60]}${extra}`;
}

// Spelled once at load (immutable): formatting runs for every timestamp of every decision.
const pad = (n: number) => (n < 10 ? `0${n}` : `${n}`);
const TWO = Array.from({ length: 100 }, (_, i) => pad(i));
const HOUR_MINUTE = Array.from({ length: 1440 }, (_, m) => `${pad(Math.floor(m / 60))}:${pad(m % 60)}`);
// Every offset in use today is a multiple of 15 minutes within ±16 hours; others (historical
// local mean time) are spelled per call. A fractional index reads undefined.
const QUARTER_HOUR_SUFFIX = Array.from({ length: 129 }, (_, i) => spellOffset((i - 64) * 15));

import type { Lang } from "../_lib/issues.js";
import { civilFromDays, DAY_MS } from "../time/civilDate.js";
import { zone } from "../time/zone.js";

/*
 * Amounts and instants as a person reads them, beside the exact values: the ISO instant and
 * the fen stay in the JSON output; the terminal adds the words.
 */

const MONTHS_EN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/**
 * Fen as yuan with thousands separators, whatever the host's locale.
 *
 * @example
 * yuan(123456789) //=> "¥1,234,567.89"
 */
export function yuan(fen: number): string {
  const sign = fen < 0 ? "-" : "";
  const abs = Math.abs(fen);
  const whole = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${sign}¥${whole}.${String(abs % 100).padStart(2, "0")}`;
}

/**
 * An instant on the wall clock of `timeZone`: "3月8日 14:05" / "Mar 8 14:05", with the year
 * when it is not `yearOf`'s. An `end` — the first instant something is no longer open — at
 * 00:00 is the previous day's 24:00, as the law counts a day ("3月8日 24:00 前").
 *
 * @example
 * readableInstant("2026-03-09T00:00:00+08:00", "Asia/Shanghai", "zh-CN", { end: true }) //=> "3月8日 24:00 前"
 * readableInstant("2026-03-09T00:00:00+08:00", "Asia/Shanghai", "en", { end: true }) //=> "until Mar 8 24:00"
 */
export function readableInstant(iso: string, timeZone: string, lang: Lang, options: { end?: boolean; yearOf?: string } = {}): string {
  const z = zone(timeZone);
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  const wall = ms + z.offsetMinutes(ms) * 60_000;
  let day = Math.floor(wall / DAY_MS);
  let minute = Math.floor((wall - day * DAY_MS) / 60_000);
  const second = Math.floor(((wall - day * DAY_MS) % 60_000) / 1000);
  if (options.end && minute === 0 && second === 0) {
    day -= 1;
    minute = 24 * 60;
  }
  const { year, month, date } = civilFromDays(day);
  const refMs = options.yearOf === undefined ? Number.NaN : Date.parse(options.yearOf);
  const refYear = Number.isNaN(refMs) ? year : civilFromDays(Math.floor((refMs + z.offsetMinutes(refMs) * 60_000) / DAY_MS)).year;
  const clock = `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}${second === 0 ? "" : `:${String(second).padStart(2, "0")}`}`;
  if (lang === "en") {
    const text = `${MONTHS_EN[month - 1]} ${date}${year === refYear ? "" : ` ${year}`} ${clock}`;
    return options.end ? `until ${text}` : text;
  }
  const text = `${year === refYear ? "" : `${year}年`}${month}月${date}日 ${clock}`;
  return options.end ? `${text} 前` : text;
}

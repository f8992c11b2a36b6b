import { readFileSync } from "node:fs";
import { BusinessCalendarSchema, compileCalendar } from "../src/policy/format/businessCalendar.js";
import { plusBusinessTime, plusHours, zone } from "../src/time/index.js";
import { generateCases } from "../src/tools/generate/generateCases.js";
import { pkg } from "./package.js";
import { measure, printTable, ratio } from "./report.js";

const BATCH = 1000;

/**
 * One business-time due instant (issue 16: ≤ 1 µs): 1 and 8 business hours on the bundled CN
 * calendar (office hours, 2026 holidays and 调休) from 1,000 instants spread over 2026, timed in
 * batches of 1,000 against adding wall-clock hours; and `decide` on the example business-hours
 * policy against the bundled one (calendar time), same cases. The time functions are not part
 * of the package's entry, so they run from the sources (plain arithmetic, no closures to name).
 */
export async function benchBusinessTime(timeMs: number) {
  const calendar = compileCalendar(BusinessCalendarSchema.parse(JSON.parse(readFileSync(new URL("../rules/calendars/cn-mainland.json", import.meta.url), "utf8"))));
  const z = zone("Asia/Shanghai");
  const from = Date.parse("2026-01-01T00:00:00+08:00");
  // Whole minutes, every hour of every day of the year (nights, weekends, holidays, 调休 days).
  const starts = Array.from({ length: BATCH }, (_, i) => from + Math.floor(((i * 7919) % BATCH) * 525.6) * 60_000);
  let sink = 0;
  const dues = (hours: number) => () => {
    for (const t of starts) sink += plusBusinessTime(t, hours * 3_600_000, calendar.hours, z);
  };
  const now = new Date("2026-11-22T10:00:00+08:00");
  const business = pkg.createDecider({ policy: pkg.loadPolicy(new URL("../fixtures/policies/business-hours", import.meta.url).pathname), clock: () => now, trace: false });
  const calendarTime = pkg.createDecider({ clock: () => now, trace: false });
  const cases = [...generateCases(2000, 4242)];
  let k = 0;
  let j = 0;
  const rows = await measure(
    [
      { name: "due in 8 wall-clock hours (plusHours)", casesPerCall: BATCH, fn: () => { for (const t of starts) sink += plusHours(new Date(t), 8).getTime(); } },
      { name: "due in 1 business hour (CN calendar)", casesPerCall: BATCH, fn: dues(1) },
      { name: "due in 8 business hours (CN calendar)", casesPerCall: BATCH, fn: dues(8) },
      { name: "decide, bundled policy (calendar time)", casesPerCall: 1, fn: () => calendarTime.decide(cases[k++ % cases.length]) },
      { name: "decide, business-hours policy", casesPerCall: 1, fn: () => business.decide(cases[j++ % cases.length]) },
    ],
    timeMs,
  );
  if (sink === 0) console.log(""); // keep the results alive
  printTable("one SLA due instant (per due) and decide on the business clock", rows, "due in 8 wall-clock hours (plusHours)");
  const perDue = (name: string) => 1e6 / rows.find((r) => r.name === name)!.throughput;
  return {
    businessDueMicros: Math.max(perDue("due in 1 business hour (CN calendar)"), perDue("due in 8 business hours (CN calendar)")),
    businessDecideCost: ratio(rows, "decide, bundled policy (calendar time)", "decide, business-hours policy"),
  };
}

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { daysFromCivil } from "../../../src/time/civilDate.js";
import { BusinessCalendarSchema, CalendarDocumentSchema, compileCalendar, migrateRestDayCalendar } from "../../../src/policy/format/businessCalendar.js";
import { compilePolicy } from "../../../src/policy/compilePolicy.js";
import { defaultPolicyInput } from "../../../src/policy/defaultPolicy.js";
import { safeCompilePolicy } from "../../../src/policy/compilePolicy.js";

const cnFile = JSON.parse(readFileSync("rules/calendars/cn-mainland.json", "utf8"));
const cn = compileCalendar(BusinessCalendarSchema.parse(cnFile));
const day = (iso: string) => daysFromCivil(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)));
const OFFICE = [540, 720, 810, 1080];

describe("the CN calendar (dates copied from the State Council notices for 2025 and 2026)", () => {
  // 国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04): 国庆节 10 月 1 日至 7 日放假调休，9 月 20 日（周日）、10 月 10 日（周六）上班.
  it("rests on the National Day holiday and works the make-up Saturday 2026-10-10 and Sunday 2026-09-20", () => {
    for (const d of ["2026-10-01", "2026-10-05", "2026-10-07"]) {
      expect(cn.hours.intervalsOn(day(d))).toEqual([]);
      expect(cn.isRestDay(day(d))).toBe(true);
    }
    for (const d of ["2026-10-10", "2026-09-20"]) {
      expect(cn.hours.intervalsOn(day(d))).toEqual(OFFICE);
      expect(cn.isRestDay(day(d))).toBe(false);
    }
    expect(cn.hours.intervalsOn(day("2026-10-08"))).toEqual(OFFICE); // Thursday, back at work
  });

  it("follows the weekly plan on an ordinary week: Monday works, Saturday rests", () => {
    expect(cn.hours.intervalsOn(day("2026-03-09"))).toEqual(OFFICE);
    expect(cn.hours.intervalsOn(day("2026-03-07"))).toEqual([]);
    expect(cn.isRestDay(day("2026-03-07"))).toBe(true);
  });

  // 国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号）: 春节 1 月 28 日至 2 月 4 日放假，1 月 26 日（周日）、2 月 8 日（周六）上班.
  it("has the 2025 Spring Festival and its make-up days", () => {
    expect(cn.isRestDay(day("2025-01-28"))).toBe(true);
    expect(cn.isRestDay(day("2025-02-04"))).toBe(true);
    expect(cn.isRestDay(day("2025-01-26"))).toBe(false);
    expect(cn.isRestDay(day("2025-02-08"))).toBe(false);
  });

  it("cites a notice for every year and lists only 2025 and 2026", () => {
    expect(cnFile.years.map((y: { year: number }) => y.year)).toEqual([2025, 2026]);
    for (const y of cnFile.years) expect(y.notice).toMatch(new RegExp(`国务院办公厅关于${y.year}年部分节假日安排的通知`));
    expect(cn.yearsMissing(day("2024-12-30"), day("2027-01-02"))).toEqual([2024, 2027]);
    expect(cn.yearsMissing(day("2026-01-01"), day("2026-12-31"))).toEqual([]);
  });

  it("a legal rest day does not depend on the service's hours: a calendar working Saturdays still rests on them for 民法典 art. 203", () => {
    const saturdays = compileCalendar(BusinessCalendarSchema.parse({ ...cnFile, week: { ...cnFile.week, sat: ["10:00-16:00"] } }));
    expect(saturdays.hours.intervalsOn(day("2026-03-07"))).toEqual([600, 960]);
    expect(saturdays.isRestDay(day("2026-03-07"))).toBe(true);
  });
});

describe("the calendar format", () => {
  const base = { id: "c", version: "1", source: "test", week: { mon: ["09:00-18:00"], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] }, makeUpDayHours: ["09:00-18:00"], years: [] };

  it("refuses shifts that overlap, run backwards or are out of order", () => {
    for (const mon of [["09:00-12:00", "11:00-14:00"], ["12:00-09:00"], ["13:00-14:00", "09:00-10:00"], ["9:00-10:00"], ["09:00-24:01"]]) {
      expect(BusinessCalendarSchema.safeParse({ ...base, week: { ...base.week, mon } }).success, mon.join()).toBe(false);
    }
    expect(BusinessCalendarSchema.safeParse({ ...base, week: { ...base.week, mon: ["00:00-12:00", "12:00-24:00"] } }).success).toBe(true);
  });

  it("refuses a week without working hours, a date outside its year, a date listed twice, a year listed twice", () => {
    expect(BusinessCalendarSchema.safeParse({ ...base, week: { ...base.week, mon: [] } }).success).toBe(false);
    const year = { year: 2026, notice: "n", holidays: ["2026-10-01"], makeUpWorkdays: [] };
    expect(BusinessCalendarSchema.safeParse({ ...base, years: [year] }).success).toBe(true);
    expect(BusinessCalendarSchema.safeParse({ ...base, years: [{ ...year, holidays: ["2025-10-01"] }] }).success).toBe(false);
    expect(BusinessCalendarSchema.safeParse({ ...base, years: [{ ...year, makeUpWorkdays: ["2026-10-01"] }] }).success).toBe(false);
    expect(BusinessCalendarSchema.safeParse({ ...base, years: [year, year] }).success).toBe(false);
  });

  it("reads the first format (restDays, workdays) as Monday–Friday around the clock, its years those its dates fall in", () => {
    const old = { id: "old", version: "1", source: "s", restDays: ["2026-10-01"], workdays: ["2026-10-10"] };
    expect(CalendarDocumentSchema.parse(old)).toEqual(old);
    const migrated = migrateRestDayCalendar(old);
    expect(migrated.years).toEqual([{ year: 2026, notice: "s", holidays: ["2026-10-01"], makeUpWorkdays: ["2026-10-10"] }]);
    const cal = compileCalendar(old);
    expect(cal.isRestDay(day("2026-10-01"))).toBe(true);
    expect(cal.isRestDay(day("2026-10-10"))).toBe(false);
    expect(cal.isRestDay(day("2026-10-11"))).toBe(true);
    expect(cal.hours.intervalsOn(day("2026-10-12"))).toEqual([0, 1440]);
  });
});

describe("a policy's calendar", () => {
  it("is required by a target on the business clock and by the rest-day extension (calendar_required)", () => {
    const input = defaultPolicyInput();
    const sla = structuredClone(input.layers[1]!.ruleSets[0]!.document) as { rules: { event: { params: Record<string, unknown> } }[] };
    sla.rules[0]!.event.params.solutionClock = "business";
    const layers = [input.layers[0]!, { ...input.layers[1]!, ruleSets: [{ document: sla }, ...input.layers[1]!.ruleSets.slice(1)] }];
    const noCalendar = safeCompilePolicy({ ...input, layers });
    expect(noCalendar.success).toBe(false);
    if (!noCalendar.success) expect(noCalendar.error.issues.map((i) => [i.code, i.path.join(".")])).toEqual([["calendar_required", "rules.0.event.params.solutionClock"]]);
    expect(safeCompilePolicy({ ...input, layers, calendar: { document: cnFile } }).success).toBe(true);

    const extension = safeCompilePolicy({ ...input, extendPeriodsOverRestDays: true });
    expect(extension.success).toBe(false);
    if (!extension.success) expect(extension.error.issues.map((i) => i.code)).toEqual(["calendar_required"]);
  });

  it("named as `calendar` leaves windows alone unless the policy turns the extension on; `restDayCalendar` turns it on", () => {
    const input = defaultPolicyInput();
    expect(compilePolicy({ ...input, calendar: { document: cnFile } }).isRestDay).toBeUndefined();
    expect(compilePolicy({ ...input, calendar: { document: cnFile }, extendPeriodsOverRestDays: true }).isRestDay).toBeDefined();
    expect(compilePolicy({ ...input, restDayCalendar: { document: cnFile } }).isRestDay).toBeDefined();
  });
});

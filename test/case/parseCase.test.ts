import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { locales } from "zod";
import { CaseSchema } from "../../src/case/caseSchema.js";
import { CaseValidationError } from "../../src/case/caseValidationError.js";
import { caseParseIsCompiled, caseParser, parseCase, safeParseCase } from "../../src/case/parseCase.js";
import { createDecider } from "../../src/index.js";
import { fromZodIssues } from "../../src/_lib/zodIssues.js";
import { finalizeIssues } from "../../src/_lib/issueMessages.js";
import { arbCase } from "../arbitraries/case.js";
import { hostileJson, withValueAt } from "../arbitraries/hostile.js";

const numRuns = Math.max(10_000, Number(process.env.FC_NUM_RUNS ?? 0));

/** Every path to a value inside a JSON document, objects and arrays included. */
function pathsOf(v: unknown, at: (string | number)[] = []): (string | number)[][] {
  const here = at.length > 0 ? [at] : [];
  if (Array.isArray(v)) return [...here, ...v.flatMap((x, i) => pathsOf(x, [...at, i]))];
  if (v !== null && typeof v === "object") return [...here, ...Object.entries(v).flatMap(([k, x]) => pathsOf(x, [...at, k]))];
  return here;
}

/** Values at the edges of the case contract: lengths, fen limits, integer-ness, dates, enums. */
const edgeValue = fc.oneof(
  fc.constantFrom(
    "", "x", "x".repeat(200), "x".repeat(201), "𠀀".repeat(100), "𠀀".repeat(101), "𠀀".repeat(199) + "x", "𠀀".repeat(200) + "x",
    "\uD800", "a\uDC00b", "\uD800".repeat(201), "𠀀".repeat(100) + "\uD800",
    0, -0, -1, 1, 1.5, 1_000_000, 1_000_001, 1200, 1201, 100_000_000_000, 100_000_000_001, 2 ** 53, 1e21,
    "2026-03-01T10:00:00+08:00", "2026-03-01T10:00:00Z", "2026-03-01T10:00:00.123456+05:45", "2024-02-29T00:00:00Z",
    "2026-02-29T00:00:00Z", "2026-03-01T24:00:00Z", "2026-03-01T10:00:00", "2026-03-01 10:00:00+08:00", "2026-03-01T10:00:00+24:00",
    "CNY", "USD", "return", "no_reason", "unopened", "vip", "normal", "sku-1",
    true, false, null, [], {}, [{}], ["sku-1"],
  ),
  hostileJson,
);

/** A valid case, or one with a value replaced, a key removed or an unknown key added. */
const nearCase = arbCase.chain((c) => {
  const paths = pathsOf(c);
  const objectPaths = paths.filter((p) => {
    const v = p.reduce<any>((at, k) => at[k], c);
    return v !== null && typeof v === "object" && !Array.isArray(v);
  });
  return fc.oneof(
    fc.constant(JSON.parse(JSON.stringify(c)) as unknown),
    fc.tuple(fc.constantFrom(...paths), edgeValue).map(([path, value]) => withValueAt(c, path, value)),
    fc.constantFrom(...paths).map((path) => {
      const copy = JSON.parse(JSON.stringify(c));
      let target: any = copy;
      for (const k of path.slice(0, -1)) target = target[k];
      if (Array.isArray(target)) target.splice(path.at(-1) as number, 1);
      else delete target[path.at(-1)!];
      return copy as unknown;
    }),
    fc.tuple(fc.constantFrom([], ...objectPaths), fc.constantFrom("extra", "__proto__", "constructor", "toString"), edgeValue).map(([path, key, value]) =>
      withValueAt(c, [...path, key], value),
    ),
  );
});

/** The case parser over a copy of CaseSchema whose runtime parser counts its runs. */
function countingParser() {
  const counted = CaseSchema.clone();
  const run = counted._zod.run;
  const runs = { count: 0 };
  counted._zod.run = (payload, ctx) => {
    runs.count++;
    return run(payload, ctx);
  };
  return { parser: caseParser(counted), runs };
}

const zhCN = { error: locales.zhCN().localeError };

describe("parseCase: zod's compiled fast path and its runtime parser agree", () => {
  it("runs on zod's compiled fast path, in parts (z.compile accepts the case schema and its order lines)", () => {
    // Fails when the schema gains something z.compile cannot model (or code generation is
    // unavailable): every case would then silently pay for zod's runtime parser.
    expect(caseParseIsCompiled()).toBe("in parts");
    expect(countingParser().parser.compiled).toBe("in parts");
  });

  it("accepts exactly what zod accepts, gives zod's output for it, and zod's issues otherwise, in either language", () => {
    const { parser, runs } = countingParser();
    let accepted = 0;
    fc.assert(
      fc.property(nearCase, (input) => {
        const zod = CaseSchema.safeParse(input);
        const before = runs.count;
        const fast = parser.parse(input);
        // A valid case never reaches the runtime parser: the compiled code accepted it.
        if (zod.success) expect(runs.count).toBe(before);
        expect(fast.success).toBe(zod.success);
        const parsed = safeParseCase(input);
        expect(parsed.success).toBe(zod.success);
        if (zod.success && parsed.success) {
          accepted++;
          expect(parsed.data).toStrictEqual(zod.data);
        }
        if (!zod.success && !parsed.success) {
          const raw = fromZodIssues(CaseSchema.safeParse(input, { reportInput: true }).error!.issues);
          expect(parsed.error.issues).toEqual(finalizeIssues(raw, "zh-CN"));
          const en = safeParseCase(input, { lang: "en" });
          expect(en.success ? [] : en.error.issues).toEqual(finalizeIssues(raw, "en"));
          // zod's own codes keep zod's own words, written late: as zod's locale writes them eagerly.
          for (const [lang, params] of [["en", undefined], ["zh-CN", zhCN]] as const) {
            const eager = CaseSchema.safeParse(input, params).error!.issues;
            const result = lang === "en" ? en : parsed;
            const late = result.success ? [] : result.error.issues;
            if (eager.length !== late.length) continue; // a union zod reports once is descended into (fromZodIssues)
            eager.forEach((e, i) => {
              const zodCoded = e.code !== "custom" && !(e.code === "invalid_format" && e.format === "datetime");
              if (zodCoded) expect(late[i]!.message).toBe(e.message);
            });
          }
        }
      }),
      { numRuns },
    );
    // Both sides of the agreement were exercised.
    expect(accepted).toBeGreaterThan(numRuns / 10);
    expect(accepted).toBeLessThan(numRuns * 0.9);
  });

  it("a rejected case goes to the runtime parser, which reports every issue with its path", () => {
    const { parser, runs } = countingParser();
    const parsed = parser.parse({ caseId: "", reportedAt: "yesterday" });
    expect(runs.count).toBe(1);
    expect(parsed.success ? [] : parsed.issues.map((i) => i.path.join("."))).toEqual(["caseId", "reportedAt", "order", "request", "customer"]);
  });

  it("parseCase throws CaseValidationError with every issue; safeParseCase never throws", () => {
    expect(() => parseCase({ caseId: 42 })).toThrow(CaseValidationError);
    const result = safeParseCase({ caseId: 42 });
    expect(result).toMatchObject({ success: false, error: { code: "invalid_case", issues: [{ path: ["caseId"] }, { path: ["reportedAt"] }, { path: ["order"] }, { path: ["request"] }, { path: ["customer"] }] } });
    expect(result.success ? undefined : result.error).toBeInstanceOf(CaseValidationError);
  });

  it("a decision keeps no object of the case it was given", () => {
    const decider = createDecider({ clock: () => new Date("2026-11-22T10:00:00+08:00"), trace: true });
    const objectsIn = (v: unknown, seen = new Set<object>()): Set<object> => {
      if (v !== null && typeof v === "object" && !seen.has(v)) {
        seen.add(v);
        for (const x of Object.values(v)) objectsIn(x, seen);
      }
      return seen;
    };
    fc.assert(
      fc.property(arbCase, (c) => {
        const decision = decider.decide(c);
        const shared = [...objectsIn(c)].filter((o) => objectsIn(decision).has(o));
        expect(shared).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});

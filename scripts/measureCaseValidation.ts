// Measures validating valid cases, per case, on each path the library could take:
//   node --import tsx scripts/measureCaseValidation.ts [processes per path, default 7]
// The ajv row rebuilds the validator the library used until z.compile replaced it
// (the case JSON Schema, ajv with the options of the former `npm run generate`), so the
// comparison stays reproducible. Each path runs in its own process (no JIT cross-talk),
// the processes interleave over several rounds, and time is the process's CPU time.
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { Ajv } from "ajv";
import { z } from "zod";
import { CaseSchema, caseConsistencyIssues, type Case } from "../src/case/caseSchema.js";
import { safeParseCase } from "../src/case/parseCase.js";
import { jsonSchemas } from "../src/tools/jsonSchema/jsonSchemas.js";
import { generateCases } from "../src/tools/generate/generateCases.js";

const PATHS = ["ajv + caseConsistencyIssues", "zod runtime safeParse", "z.compile(CaseSchema) safeParse", "z.compile(CaseSchema) validate", "safeParseCase (the library)"] as const;
type PathName = (typeof PATHS)[number];

function contender(name: PathName): (c: unknown) => boolean {
  switch (name) {
    case "ajv + caseConsistencyIssues": {
      const ajv = new Ajv({ strict: true, strictNumbers: true, validateFormats: false, allErrors: false, messages: false, logger: false });
      const hasShape = ajv.compile(jsonSchemas()["case.schema.json"]!);
      return (c) => hasShape(c) && caseConsistencyIssues(c as Case).length === 0;
    }
    case "zod runtime safeParse":
      return (c) => CaseSchema.safeParse(c).success;
    case "z.compile(CaseSchema) safeParse": {
      const compiled = z.compile(CaseSchema, { strict: true });
      return (c) => compiled.safeParse(c).success;
    }
    case "z.compile(CaseSchema) validate": {
      const compiled = z.compile(CaseSchema, { strict: true });
      return (c) => compiled.validate(c);
    }
    case "safeParseCase (the library)":
      return (c) => safeParseCase(c).success;
  }
}

function measureOne(name: PathName): number {
  const cases: unknown[] = [...generateCases(2000, 2026)].map((c) => JSON.parse(JSON.stringify(c)));
  const fn = contender(name);
  const n = name.startsWith("zod runtime") ? 20_000 : 100_000;
  const perCase: number[] = [];
  // The first round includes optimisation; a path whose rounds stay far apart was optimised badly.
  for (let r = 0; r < 8; r++) {
    const t0 = process.cpuUsage();
    for (let i = 0; i < n; i++) if (!fn(cases[i % cases.length])) throw new Error(`${name} rejects a valid case`);
    const d = process.cpuUsage(t0);
    perCase.push((d.user + d.system) / n);
  }
  return median(perCase.slice(1));
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

const only = process.argv[2] === "--path" ? (process.argv[3] as PathName) : undefined;
if (only) {
  console.log(measureOne(only));
} else {
  const self = fileURLToPath(import.meta.url);
  const rounds = Number(process.argv[2] ?? 7);
  const results = new Map<PathName, number[]>(PATHS.map((p) => [p, []]));
  for (let r = 0; r < rounds; r++) {
    for (const p of PATHS) results.get(p)!.push(Number(execFileSync(process.execPath, ["--import", "tsx", self, "--path", p], { encoding: "utf8" }).trim()));
  }
  console.log(`node ${process.version}; 2,000 generated valid cases; CPU µs per case, ${rounds} processes per path (min / median / max)`);
  for (const [p, xs] of results) console.log(`  ${p.padEnd(34)} ${[Math.min(...xs), median(xs), Math.max(...xs)].map((x) => x.toFixed(2).padStart(6)).join(" /")}`);
}

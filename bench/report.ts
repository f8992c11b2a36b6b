import { Bench, type Task } from "tinybench";

export interface Row {
  readonly name: string;
  /** Cases per second. */
  readonly throughput: number;
  /** Median and 99th-percentile latency of one task call, in µs, divided by the cases per call. */
  readonly p50: number;
  readonly p99: number;
  /** Cases per second in each round, in round order (what `ratio` pairs). */
  readonly rounds: readonly number[];
}

/**
 * Runs tasks that each process `casesPerCall` cases per call, so sub-microsecond work is
 * timed over a batch (timer resolution would swamp a single call).
 *
 * The machine is shared and its speed drifts over seconds, so tasks are not timed one
 * after another for the whole budget: the budget is split into `rounds`, each round runs
 * every task in turn, and a task's figures are the medians over the rounds. A ratio then
 * compares tasks timed side by side, not a fast minute against a slow one.
 *
 * Each task starts on a collected heap (a full GC before its warm-up and its timed run,
 * when the bench runs with --expose-gc): the garbage a task makes is collected in its own
 * time, and the next task does not pay for it. Without this, json-rules-engine's
 * reference runs (~1.9 MB allocated each) left marking and sweeping to whichever task came
 * next, and the 10-line ÷ 1-line ratio read 5.5× in the full bench against 2.2–3.4× alone.
 */
export async function measure(
  tasks: readonly { name: string; casesPerCall: number; fn: () => unknown }[],
  timeMs: number,
  rounds = ROUNDS,
): Promise<Row[]> {
  const perRound: Row[][] = [];
  for (let round = 0; round < rounds; round++) {
    const bench = new Bench({ time: timeMs / rounds, warmupTime: Math.min(200, timeMs / rounds / 4), setup: collectGarbage });
    for (const t of tasks) bench.add(t.name, t.fn as () => void);
    await bench.run();
    perRound.push(
      tasks.map((t) => {
        const task = bench.getTask(t.name) as Task;
        const result = task.result as unknown as { state: string; latency: { p50: number; p99: number; mean: number }; error?: unknown };
        if (result.state !== "completed") throw new Error(`bench task ${t.name} did not complete: ${String(result.error)}`);
        const perCase = (ms: number) => (ms * 1000) / t.casesPerCall;
        return {
          name: t.name,
          throughput: (1000 / result.latency.mean) * t.casesPerCall,
          p50: perCase(result.latency.p50),
          p99: perCase(result.latency.p99),
          rounds: [],
        };
      }),
    );
  }
  return tasks.map((t, i) => ({
    name: t.name,
    throughput: median(perRound.map((rows) => rows[i]!.throughput)),
    p50: median(perRound.map((rows) => rows[i]!.p50)),
    p99: median(perRound.map((rows) => rows[i]!.p99)),
    rounds: perRound.map((rows) => rows[i]!.throughput),
  }));
}

const collectGarbage = (): void => {
  (globalThis as { gc?: () => void }).gc?.();
};

/**
 * Rounds per measurement (BENCH_ROUNDS); 15 by default. Shorter rounds pair tasks more
 * closely: a stall of the shared machine falls on both tasks of a round, or on few rounds of
 * many. On the same code, four runs of the lines section read the 10-line ratio as 2.66,
 * 2.82, 4.64 and 2.88 with 5 rounds, and 2.90, 2.60, 2.87 and 2.83 with 15 (BENCHMARKS.md).
 */
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 15));

function median(xs: readonly number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** A fixed-width table with every throughput as a ratio to `baseline` (same run). */
export function printTable(title: string, rows: readonly Row[], baseline: string): void {
  const base = rows.find((r) => r.name === baseline);
  if (!base) throw new Error(`no baseline row ${baseline}`);
  console.log(`\n${title}`);
  console.log(`${"task".padEnd(44)} ${"cases/s".padStart(12)} ${"p50 µs".padStart(9)} ${"p99 µs".padStart(9)} ${"× " + baseline}`);
  for (const r of rows) {
    console.log(
      `${r.name.padEnd(44)} ${Math.round(r.throughput).toLocaleString("en-US").padStart(12)} ${r.p50.toFixed(3).padStart(9)} ${r.p99.toFixed(3).padStart(9)} ${(r.throughput / base.throughput).toFixed(1).padStart(8)}`,
    );
  }
}

/**
 * How many times `a`'s throughput is `b`'s: the median over rounds of the two tasks' ratio in
 * the same round. Tasks of one round run side by side, so a stretch where the shared machine
 * is slow falls on both; a ratio of the two medians could pair a fast round of one task with a
 * slow round of the other (the 10-line ÷ 1-line ratio read 2.67× and 3.23× in two runs of the
 * same code that way).
 */
export function ratio(rows: readonly Row[], a: string, b: string): number {
  const ra = rows.find((r) => r.name === a)!.rounds;
  const rb = rows.find((r) => r.name === b)!.rounds;
  return median(ra.map((x, i) => x / rb[i]!));
}

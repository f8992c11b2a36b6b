import { createDecider, type Decider } from "../../decide/createDecider.js";
import { defaultPolicy } from "../../policy/defaultPolicy.js";
import { loadPolicy } from "../../policy/loadPolicy.js";
import { countDecision, emptyStats, type BatchStats } from "./batchStats.js";

/** How a batch decides: the same for every worker thread and for the calling thread. */
export interface BatchWorkerData {
  readonly policyDir?: string;
  readonly now?: string;
  readonly timeZone?: string;
  readonly trace?: boolean;
}

/** The decider a batch thread uses; the policy is loaded and compiled here, once per thread. */
export function batchDecider(data: BatchWorkerData): Decider {
  return createDecider({
    policy: data.policyDir ? loadPolicy(data.policyDir) : defaultPolicy(),
    ...(data.now ? { clock: () => new Date(data.now!) } : {}),
    ...(data.timeZone ? { timeZone: data.timeZone } : {}),
    trace: data.trace === true,
  });
}

/** A line the reader already refused (too long, not UTF-8): it gets its error line in its place. */
export interface RefusedLine {
  readonly code: string;
  readonly message: string;
}

export interface LinesChunk {
  readonly lines: readonly (string | RefusedLine)[];
  /** 1-based line number of `lines[0]` in the input. */
  readonly firstLine: number;
}

/** The output line for an input line that is not a decision: `{ line, error }`. */
export function errorLine(line: number, error: { code: string; message: string; issues?: unknown }): string {
  return `${JSON.stringify({ line, error })}\n`;
}

/**
 * Decides one chunk of NDJSON lines: exactly one output line per input line, in order —
 * the decision, or `{ line, error }` for a line that is blank, refused, not JSON or not a
 * valid case. Output line N answers input line N, so the output can be joined back.
 */
export function decideLines(decider: Decider, chunk: LinesChunk): { output: string; stats: BatchStats } {
  const stats = emptyStats();
  let output = "";
  chunk.lines.forEach((text, i) => {
    const line = chunk.firstLine + i;
    if (typeof text !== "string") {
      stats.invalid++;
      output += errorLine(line, { code: text.code, message: text.message });
      return;
    }
    if (text.trim() === "") {
      stats.invalid++;
      output += errorLine(line, { code: "blank_line", message: "blank line: no case" });
      return;
    }
    let input: unknown;
    try {
      input = JSON.parse(text);
    } catch (e) {
      stats.invalid++;
      output += errorLine(line, { code: "invalid_json", message: (e as Error).message });
      return;
    }
    let result: ReturnType<Decider["safeDecide"]>;
    try {
      result = decider.safeDecide(input);
    } catch (e) {
      // safeDecide should never throw; if it does, the line says so and the batch goes on.
      stats.invalid++;
      output += errorLine(line, { code: "internal_error", message: (e as Error)?.message ?? String(e) });
      return;
    }
    if (result.success) {
      countDecision(stats, result.data);
      output += `${JSON.stringify(result.data)}\n`;
    } else {
      stats.invalid++;
      const issues = "issues" in result.error ? result.error.issues : [];
      output += errorLine(line, { code: result.error.code, message: result.error.message.split("\n")[0]!, issues });
    }
  });
  return { output, stats };
}

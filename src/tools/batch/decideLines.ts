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

export interface LinesChunk {
  readonly lines: readonly string[];
  /** 1-based line number of `lines[0]` in the input. */
  readonly firstLine: number;
}

/**
 * Decides one chunk of NDJSON lines: one output line per non-blank input line, in order —
 * the decision, or `{ line, error }` for a line that is not JSON or not a valid case.
 */
export function decideLines(decider: Decider, chunk: LinesChunk): { output: string; stats: BatchStats } {
  const stats = emptyStats();
  let output = "";
  chunk.lines.forEach((text, i) => {
    if (text.trim() === "") return;
    const line = chunk.firstLine + i;
    let input: unknown;
    try {
      input = JSON.parse(text);
    } catch (e) {
      stats.invalid++;
      output += `${JSON.stringify({ line, error: { code: "invalid_json", message: (e as Error).message } })}\n`;
      return;
    }
    const result = decider.safeDecide(input);
    if (result.success) {
      countDecision(stats, result.data);
      output += `${JSON.stringify(result.data)}\n`;
    } else {
      stats.invalid++;
      const issues = "issues" in result.error ? result.error.issues : [];
      output += `${JSON.stringify({ line, error: { code: result.error.code, message: result.error.message.split("\n")[0], issues } })}\n`;
    }
  });
  return { output, stats };
}

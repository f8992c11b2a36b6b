// A batch worker that dies, for the tests: a chunk holding a line with "kill-this-worker"
// throws out of the thread (an uncaught error ends a worker thread, as running out of heap
// does), so the batch must redo the chunk's lines and report the one that killed it.
const { register } = await import("tsx/esm/api");
register();
const real = await import("../../../src/tools/batch/worker.ts");

export default function decideChunk(chunk) {
  if (chunk.lines.some((l) => typeof l === "string" && l.includes("kill-this-worker"))) {
    setImmediate(() => {
      throw new Error("simulated worker death");
    });
    return new Promise(() => {});
  }
  return real.default(chunk);
}

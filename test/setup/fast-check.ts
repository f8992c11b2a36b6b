import fc from "fast-check";

// CI pins the seed so a red run can be replayed; raise FC_NUM_RUNS for a deeper search
// (e.g. FC_NUM_RUNS=20000 npm test). A failure prints its seed and path.
fc.configureGlobal({
  ...fc.readConfigureGlobal(),
  seed: Number(process.env.FC_SEED ?? 20261122),
  numRuns: Number(process.env.FC_NUM_RUNS ?? 200),
});

// Running from source (tests, tsx): the worker thread registers the TypeScript loader
// itself, then loads the real worker. The built package uses dist/batchWorker.js instead.
const { register } = await import("tsx/esm/api");
register();
const worker = await import("./worker.ts");
export default worker.default;

import type * as Api from "../src/index.js";

/**
 * The package as it is published (dist/, built by `npm run bench` first): what users run,
 * not the sources through tsx, whose transform adds work (e.g. a `__name` call per closure).
 */
export const pkg: typeof Api = await import(new URL("../dist/index.js", import.meta.url).href);

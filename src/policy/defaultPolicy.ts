import manifest from "../../rules/policy.json" with { type: "json" };
import platformCompensation from "../../rules/platform/compensation.json" with { type: "json" };
import platformServiceRemedies from "../../rules/platform/service-remedies.json" with { type: "json" };
import platformSla from "../../rules/platform/sla.json" with { type: "json" };
import statutoryDeliveryRisk from "../../rules/statutory/cn-delivery-risk.json" with { type: "json" };
import statutoryNoReasonReturn from "../../rules/statutory/cn-no-reason-return.json" with { type: "json" };
import statutoryQuality from "../../rules/statutory/cn-quality.json" with { type: "json" };
import sanbaoCategories from "../../rules/statutory/cn-sanbao-categories.json" with { type: "json" };
import cnMainlandCalendar from "../../rules/calendars/cn-mainland.json" with { type: "json" };
import { compilePolicy } from "./compilePolicy.js";
import type { Policy, PolicyInput } from "./policy.js";

/**
 * The bundled rule files by their path in `rules/`: imported, so the build inlines them
 * and deciding does no file I/O.
 */
const BUNDLED_FILES: Readonly<Record<string, unknown>> = {
  "statutory/cn-no-reason-return.json": statutoryNoReasonReturn,
  "statutory/cn-quality.json": statutoryQuality,
  "statutory/cn-delivery-risk.json": statutoryDeliveryRisk,
  "statutory/cn-sanbao-categories.json": sanbaoCategories,
  "platform/sla.json": platformSla,
  "platform/service-remedies.json": platformServiceRemedies,
  "platform/compensation.json": platformCompensation,
  "calendars/cn-mainland.json": cnMainlandCalendar,
};

/** The prefix by which a policy folder names a bundled file: `"bundled:statutory/cn-quality.json"`. */
export const BUNDLED_PREFIX = "bundled:";

/**
 * A bundled file by its path in `rules/`, for a policy that names it `bundled:<path>`: the
 * statutory layer, a platform rule set or the CN calendar, used as they ship (inlined in the
 * build, so no file is read). Undefined for a name the package does not ship.
 */
export function bundledDocument(path: string): unknown {
  return Object.hasOwn(BUNDLED_FILES, path) ? BUNDLED_FILES[path] : undefined;
}

/** The bundled policy as input layers (before compiling); `extends: "default"` starts here. */
export function defaultPolicyInput(): PolicyInput {
  return {
    id: manifest.id,
    version: manifest.version,
    sanbaoTable: { document: BUNDLED_FILES[manifest.sanbaoTable] },
    layers: manifest.layers.map((layer) => ({
      name: layer.name,
      statutory: layer.statutory === true,
      ruleSets: layer.files.map((file) => ({ document: BUNDLED_FILES[file] })),
    })),
  };
}

let cached: Policy | undefined;

/** The bundled policy (statutory CN layer + default platform layer), compiled once. */
export function defaultPolicy(): Policy {
  // Compiling is deterministic and the result immutable, so sharing it is safe even if
  // both the ESM and CJS builds load.
  return (cached ??= compilePolicy(defaultPolicyInput()));
}

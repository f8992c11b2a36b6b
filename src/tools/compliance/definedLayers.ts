import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseSourceDocument } from "../../_lib/sourcePositions.js";
import { PolicyManifestSchema } from "../../policy/format/manifest.js";

/**
 * The names of the layers a policy folder's `policy.json` defines itself — without the
 * bundled layers `"extends": "default"` puts first. Coverage measures these by default: a
 * merchant is asked to exercise its own rules, not the bundled ones.
 * Undefined when the manifest cannot be read (the policy failed to load anyway).
 */
export function layersDefinedBy(dir: string): ReadonlySet<string> | undefined {
  try {
    const file = join(dir, "policy.json");
    const parsed = PolicyManifestSchema.safeParse(parseSourceDocument(readFileSync(file, "utf8"), file).value);
    return parsed.success ? new Set(parsed.data.layers.map((l) => l.name)) : undefined;
  } catch {
    return undefined;
  }
}

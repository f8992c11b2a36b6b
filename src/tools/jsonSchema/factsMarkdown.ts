import { FACT_NAMES, FACTS } from "../../policy/format/factCatalog.js";
import { EVENT_TYPES, STAGE_EVENT_TYPES } from "../../policy/format/eventSchemas.js";

/** The facts table of docs/rule-format.md, generated from the fact catalogue (one source). */
export function factsMarkdown(): string {
  const rows = FACT_NAMES.map((f) => `| \`${f}\` | \`${FACTS[f].type}\` | ${FACTS[f].stage} | ${FACTS[f].en} ${FACTS[f].zh} |`);
  return ["| fact | type | decided by | meaning |", "|---|---|---|---|", ...rows].join("\n");
}

/** The event types each stage may fire, generated. */
export function eventTypesMarkdown(): string {
  const stageOf = (t: string) => Object.entries(STAGE_EVENT_TYPES).filter(([, types]) => (types as readonly string[]).includes(t)).map(([s]) => s).join(", ");
  return ["| event type | stages |", "|---|---|", ...EVENT_TYPES.map((t) => `| \`${t}\` | ${stageOf(t)} |`)].join("\n");
}

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { eventTypesMarkdown, factsMarkdown } from "../../../src/tools/jsonSchema/factsMarkdown.js";

describe("docs/rule-format.md", () => {
  const doc = readFileSync("docs/rule-format.md", "utf8");
  it("lists exactly the documented facts (generated from the fact catalogue)", () => {
    expect(doc).toContain(`<!-- facts:start -->\n${factsMarkdown()}\n<!-- facts:end -->`);
  });
  it("lists exactly the event types", () => {
    expect(doc).toContain(`<!-- events:start -->\n${eventTypesMarkdown()}\n<!-- events:end -->`);
  });
});

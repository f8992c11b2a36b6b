import { writeFileSync } from "node:fs";
import { CASE_SHAPE_CHECK_FILE, caseShapeCheckSource } from "./caseShapeCheck.js";

// Regenerates committed sources derived from the zod schemas (the suite fails on drift).
writeFileSync(CASE_SHAPE_CHECK_FILE, caseShapeCheckSource());
console.log(`wrote ${CASE_SHAPE_CHECK_FILE}`);

// The case's own error lives with the case contract (src/case/), where parseCase throws it.
export { CaseValidationError } from "../case/caseValidationError.js";

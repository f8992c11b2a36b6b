import type { AftersalesError } from "./errors.js";
import type { Issue, RawIssue } from "./issues.js";

/**
 * The one result shape of every `safe*` function: the value with any warnings, or the
 * error (an `AftersalesError`, with every issue). Never thrown, never partial.
 */
export type Result<T, E extends AftersalesError = AftersalesError> =
  | { readonly success: true; readonly data: T; readonly warnings: readonly Issue[] }
  | { readonly success: false; readonly error: E };

/** Shared by every success without warnings: nothing to allocate per call. */
export const NO_WARNINGS: readonly Issue[] = Object.freeze([]);

export function ok<T>(data: T, warnings: readonly Issue[] = NO_WARNINGS): { readonly success: true; readonly data: T; readonly warnings: readonly Issue[] } {
  return { success: true, data, warnings };
}

export function failed<E extends AftersalesError>(error: E): { readonly success: false; readonly error: E } {
  return { success: false, error };
}

/** What an internal check gives: the value, or raw issues for the caller to finalize. */
export type Checked<T> = { readonly success: true; readonly data: T } | { readonly success: false; readonly issues: readonly RawIssue[] };

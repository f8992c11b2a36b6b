/**
 * The name forms the formats allow, in one place: the schemas validate with them and the
 * issue catalogue recognises a zod `invalid_format` issue by them to say what was meant.
 */

/** A fact, attribute or rule-set-level name: a letter or _ followed by letters, digits or _. */
export const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Category keys and part names of the category table. */
export const SNAKE_CASE = /^[a-z][a-z0-9_]*$/;

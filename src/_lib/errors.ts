import { finalizeIssues } from "./issueMessages.js";
import { DEFAULT_LANG, formatIssue, type Issue, type Lang, type RawIssue } from "./issues.js";

/** What failed, for a service to branch on; the issues say where and why. */
export type ErrorCode = "invalid_case" | "invalid_policy" | "undefined_fact" | "operator_error";

const HEADLINE: Record<ErrorCode, Record<Lang, string>> = {
  invalid_case: { en: "Invalid case", "zh-CN": "案件不符合输入约定" },
  invalid_policy: { en: "Invalid policy", "zh-CN": "策略无效" },
  undefined_fact: { en: "A rule read a fact the case does not define", "zh-CN": "规则读取了案件未定义的事实" },
  operator_error: { en: "An operator failed while evaluating a rule", "zh-CN": "规则求值时运算符出错" },
};

/**
 * The one error class of the library: a code and every issue, each with its path and its
 * message in the language the caller asked for (`lang`). Messages are written when first
 * read (a service that branches on `code` and paths never pays for prose), and `inLang`
 * gives the same error in another language: the issues are kept as data, so nothing is
 * translated back.
 */
export class AftersalesError extends Error {
  declare readonly code: ErrorCode;
  declare readonly lang: Lang;
  /** The issues as data, for `inLang`; not enumerable, so it stays out of JSON and logs. */
  declare private readonly raw: readonly RawIssue[];

  constructor(code: ErrorCode, issues: readonly RawIssue[], lang: Lang = DEFAULT_LANG, options?: ErrorOptions) {
    super(undefined, options); // no own message: the prototype's getter writes it when read
    Object.defineProperties(this, {
      name: { value: new.target.name, enumerable: false, writable: true, configurable: true },
      code: { value: code, enumerable: true, configurable: true },
      lang: { value: lang, enumerable: true, configurable: true },
      raw: { value: issues, enumerable: false, configurable: true },
    });
  }

  /** Every issue, with its severity and its message in `lang`. */
  get issues(): readonly Issue[] {
    return written(this).issues;
  }

  /** The same error (same class, stack, cause and details) with its messages in `lang`. */
  inLang(lang: Lang): this {
    if (lang === this.lang) return this;
    const copy = Object.create(Object.getPrototypeOf(this) as object) as this;
    for (const key of Reflect.ownKeys(this)) Object.defineProperty(copy, key, Object.getOwnPropertyDescriptor(this, key)!);
    Object.defineProperty(copy, "lang", { value: lang, enumerable: true, configurable: true });
    return copy;
  }

  toJSON(): { name: string; code: ErrorCode; lang: Lang; message: string; issues: readonly Issue[] } {
    return { name: this.name, code: this.code, lang: this.lang, message: this.message, issues: this.issues };
  }
}

const cache = new WeakMap<AftersalesError, { issues: readonly Issue[]; message: string }>();

function written(error: AftersalesError): { issues: readonly Issue[]; message: string } {
  let done = cache.get(error);
  if (!done) {
    const raw = (error as unknown as { raw: readonly RawIssue[] }).raw ?? [];
    const issues = Object.freeze(finalizeIssues(raw, error.lang));
    const message = `${HEADLINE[error.code][error.lang]}:\n${issues.map((i) => `  ${formatIssue(i)}`).join("\n")}`;
    cache.set(error, (done = { issues, message }));
  }
  return done;
}

// Error.prototype.message is a data property; this getter shadows it for every AftersalesError.
Object.defineProperty(AftersalesError.prototype, "message", {
  get(this: AftersalesError) {
    return written(this).message;
  },
  enumerable: false,
  configurable: true,
});

/** A rule set or policy that cannot be loaded or compiled: every error-severity issue. */
export class PolicyError extends AftersalesError {
  declare readonly code: "invalid_policy";
  constructor(issues: readonly RawIssue[], lang?: Lang) {
    super("invalid_policy", issues, lang);
  }
}

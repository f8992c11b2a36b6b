import { IDENTIFIER, SNAKE_CASE } from "./namePatterns.js";
import { DEFAULT_LANG, SEVERITY, type Issue, type IssueCode, type IssueParams, type Lang, type RawIssue } from "./issues.js";
import { zodMessage } from "./zodIssueDetail.js";

type Catalog = { readonly [C in IssueCode]: (p: IssueParams[C], lang: Lang) => string };

const q = (s: unknown) => `"${String(s)}"`;
const list = (xs: readonly unknown[]) => xs.map(q).join(", ");
const didYouMean = (s: string | undefined, lang: Lang) => (s === undefined ? "" : lang === "en" ? `; did you mean "${s}"?` : `；是否想写 "${s}"？`);
const en = (lang: Lang) => lang === "en";

const TYPE_MISMATCH: Record<IssueParams["type_mismatch"]["problem"], (p: IssueParams["type_mismatch"], lang: Lang) => string> = {
  fact_not_number: (p, l) => (en(l) ? `${p.operator} needs a number, but fact "${p.fact}" is ${p.factType}` : `${p.operator} 需要数值，但事实 "${p.fact}" 的类型是 ${p.factType}`),
  value_not_number: (p, l) =>
    en(l) ? `${p.operator} on "${p.fact}" compares with ${p.value}, not a number (json-rules-engine would compare strings lexicographically)` : `"${p.fact}" 的 ${p.operator} 比较值 ${p.value} 不是数值（json-rules-engine 会按字符串逐字比较）`,
  array_equal: (p, l) => (en(l) ? `${p.operator} on "${p.fact}" with an array never matches: json-rules-engine compares with === (P7); use "in"` : `"${p.fact}" 的 ${p.operator} 与数组比较永不成立：json-rules-engine 用 === 比较（P7）；请用 "in"`),
  never_equal: (p, l) => (en(l) ? `fact "${p.fact}" is ${p.factType}, so ${p.operator} ${p.value} can never match` : `事实 "${p.fact}" 的类型是 ${p.factType}，${p.operator} ${p.value} 永不成立`),
  in_needs_array: (p, l) => (en(l) ? `${p.operator} on "${p.fact}" needs an array value; on a string it tests substrings (P6)` : `"${p.fact}" 的 ${p.operator} 需要数组值；用在字符串上是子串判断（P6）`),
  list_value_never: (p, l) => (en(l) ? `fact "${p.fact}" is ${p.factType}, so ${p.value} in the list can never match` : `事实 "${p.fact}" 的类型是 ${p.factType}，列表中的 ${p.value} 永不匹配`),
  contains_needs_array: (p, l) =>
    en(l) ? `${p.operator} needs an array fact, but "${p.fact}" is ${p.factType} (json-rules-engine is silently false on strings)` : `${p.operator} 需要数组事实，但 "${p.fact}" 的类型是 ${p.factType}（json-rules-engine 对字符串静默返回 false）`,
};

const INVALID_INPUT = (p: IssueParams["invalid_input"], l: Lang): string => {
  switch (p.rule) {
    case "datetime_with_offset": return en(l) ? "an ISO-8601 date-time with an explicit offset, e.g. 2026-03-01T23:50:00+08:00" : "须为带时区偏移的 ISO-8601 时间，例如 2026-03-01T23:50:00+08:00";
    case "identifier": return en(l) ? "a name is a letter or _ followed by letters, digits or _" : "名称须以字母或 _ 开头，后接字母、数字或 _";
    case "snake_case_key": return en(l) ? "category keys and part names are lower_snake_case" : "品类键与部件名须为小写下划线格式（lower_snake_case）";
    case "at_most_two_decimals": return en(l) ? "at most two decimals" : "最多两位小数";
    case "fixed_or_percent": return en(l) ? 'give either "fixed" (fen) or both "percent" and "of"' : '请给出 "fixed"（分），或同时给出 "percent" 与 "of"';
    case "effective_to_before_from": return en(l) ? "effective.to is before effective.from: the rule set would never be in force" : "effective.to 早于 effective.from：该规则集永不生效";
    case "attribute_not_declared":
      return en(l)
        ? `the policy declares no ${p.level} attribute "${p.name}" (declared: ${p.declared.length === 0 ? "none" : list(p.declared)})${didYouMean(p.suggestion, l)}`
        : `策略未声明${p.level === "line" ? "商品行" : p.level === "order" ? "订单" : "顾客"}属性 "${p.name}"（已声明：${p.declared.length === 0 ? "无" : list(p.declared)}）${didYouMean(p.suggestion, l)}`;
    case "attribute_type":
      return p.expected === "enum"
        ? en(l) ? `attribute "${p.name}" must be one of ${list(p.values ?? [])}` : `属性 "${p.name}" 须为 ${list(p.values ?? [])} 之一`
        : en(l) ? `attribute "${p.name}" must be a ${p.expected}` : `属性 "${p.name}" 须为 ${p.expected} 类型`;
    case "policy_needs_layer": return en(l) ? 'a policy needs at least one layer (or "extends": "default")' : '策略至少需要一个层（或写 "extends": "default"）';
    case "unreadable": return en(l) ? `could not be read: ${p.error}` : `无法读取：${p.error}`;
    case "shift_ends_before_start": return en(l) ? `"${p.shift}" ends before it starts` : `"${p.shift}" 的结束时间早于开始时间`;
    case "shift_overlaps": return en(l) ? `"${p.shift}" overlaps or comes before the shift before it` : `"${p.shift}" 与前一班次重叠或早于前一班次`;
    case "date_not_in_year": return en(l) ? `${p.date} is not in ${p.year}` : `${p.date} 不在 ${p.year} 年`;
    case "listed_twice": return en(l) ? `${p.value} is listed twice` : `${p.value} 重复列出`;
    case "make_up_day_without_hours": return en(l) ? "a make-up workday has working hours" : "调休上班日须有工作时间";
    case "week_without_hours": return en(l) ? "the week has no working hours" : "一周中没有任何工作时间";
    case "non_catalogue_row_with_period":
      return en(l)
        ? "a row that is in no 三包 catalogue (statutory: false) has no 三包 period or part periods (warrantyMonths: null, no parts)"
        : "不在三包目录中的行（statutory: false）不设三包有效期或部件有效期（warrantyMonths 为 null，且无 parts）";
    case "name_taken": return en(l) ? `"${p.name}" already names the category "${p.category}"` : `"${p.name}" 已是品类 "${p.category}" 的名称`;
    case "other": return p.detail;
  }
};

const EFFECTIVE_DATES = (p: IssueParams["effective_dates"], l: Lang): string => {
  switch (p.problem) {
    case "gap":
      return en(l)
        ? `rule set "${p.id}": no version is in force from ${p.from} to ${p.to} (between versions "${p.previous}" and "${p.version}"); orders and requests on those days get none of its rules`
        : `规则集 "${p.id}"：${p.from} 至 ${p.to} 没有生效的版本（版本 "${p.previous}" 与 "${p.version}" 之间）；这些日期的订单和申请不适用其任何规则`;
    case "overlap":
      return en(l)
        ? `rule set "${p.id}": versions "${p.other}" and "${p.version}" are both in force from ${p.from}${p.to === undefined ? " on" : ` to ${p.to}`}; on those days both apply`
        : `规则集 "${p.id}"：版本 "${p.other}" 与 "${p.version}" 自 ${p.from}${p.to === undefined ? " 起" : ` 至 ${p.to}`} 同时生效；这些日期两者都适用`;
    case "statutory_end_ignored":
      return en(l)
        ? `statutory rule set "${p.id}" ends on ${p.to}, but the statutory layer applies to every case (the law is a floor): the end date is ignored`
        : `法定规则集 "${p.id}" 的截止日期为 ${p.to}，但法定层适用于所有案件（法律是底线）：截止日期不起作用`;
  }
};

const INCONSISTENT = (p: IssueParams["inconsistent_case"], l: Lang): string => {
  switch (p.rule) {
    case "duplicate_line": return en(l) ? `duplicate order line "${p.line}"` : `订单行 "${p.line}" 重复`;
    case "items_total_too_large": return en(l) ? `the items total more than ${p.max} fen (¥1,000,000,000)` : `商品合计超过 ${p.max} 分（¥1,000,000,000）`;
    case "price_now_above_unit_price":
      return en(l) ? `priceNow (${p.priceNow} fen) is above the unitPrice paid (${p.unitPrice} fen): price protection refunds a price that fell` : `现价 priceNow（${p.priceNow} 分）高于购买单价 unitPrice（${p.unitPrice} 分）：价保只补降价的差额`;
    case "paid_mismatch":
      return en(l)
        ? `the lines' paidAmount (${p.lines} fen) plus shippingFee (${p.shipping} fen) is ${p.exceeds ? "more than" : "not"} the order's paidAmount (${p.paid} fen)`
        : `各行 paidAmount（${p.lines} 分）加运费 shippingFee（${p.shipping} 分）${p.exceeds ? "超过" : "不等于"}订单实付 paidAmount（${p.paid} 分）`;
    case "time_before": return en(l) ? `${p.field} is before ${p.before}` : `${p.field} 早于 ${p.before}`;
    case "reported_before":
      return en(l)
        ? `reportedAt (${p.reported}) is before ${p.field} (${p.at}): a case is the order as it stood when the customer asked`
        : `申请时间 reportedAt（${p.reported}）早于 ${p.field}（${p.at}）：案件描述的是客户申请时订单的状态`;
    case "time_after_report": return en(l) ? `${p.field} is after reportedAt: a case is the order as it stood when the customer asked` : `${p.field} 晚于申请时间 reportedAt：案件描述的是客户申请时订单的状态`;
    case "parcels_give_times": return en(l) ? `an order with parcels gives each parcel's ${p.field} instead` : `有包裹的订单请在每个包裹上给出 ${p.field}`;
    case "duplicate_parcel": return en(l) ? `duplicate parcel "${p.parcel}"` : `包裹 "${p.parcel}" 重复`;
    case "unknown_line": return en(l) ? `"${p.line}" is not a line of the order` : `"${p.line}" 不是该订单的订单行`;
    case "over_shipped": return en(l) ? `the parcels carry ${p.units} units of line "${p.line}", which has ${p.quantity}` : `包裹共装 ${p.units} 件订单行 "${p.line}"，该行只有 ${p.quantity} 件`;
    case "line_requested_twice": return en(l) ? `line "${p.line}" is requested twice` : `订单行 "${p.line}" 被申请了两次`;
    case "over_requested":
      return p.parcel === undefined
        ? en(l) ? `${p.units} units requested of line "${p.line}", which has ${p.quantity}` : `申请订单行 "${p.line}" ${p.units} 件，该行只有 ${p.quantity} 件`
        : en(l) ? `${p.units} units requested of line "${p.line}" from parcel "${p.parcel}", which carries ${p.quantity}` : `从包裹 "${p.parcel}" 申请订单行 "${p.line}" ${p.units} 件，该包裹只装 ${p.quantity} 件`;
    case "pause_ends_before_start": return en(l) ? "a pause ends after it starts" : "暂停的结束时间须晚于开始时间";
    case "pause_before_report": return en(l) ? "a pause starts before reportedAt" : "暂停开始于报告时间 reportedAt 之前";
    case "pauses_overlap": return en(l) ? "pauses are in order and do not overlap" : "各暂停须按时间顺序且互不重叠";
    case "met_before_report": return en(l) ? `${p.field} is before reportedAt` : `${p.field} 早于报告时间 reportedAt`;
    case "after_decision_instant":
      return p.field === "pause"
        ? en(l) ? "a pause ends after the decision instant (write one still going on as ending now)" : "暂停结束于决定时刻之后（仍在进行的暂停请写作到此刻结束）"
        : en(l) ? `${p.field} is after the decision instant` : `${p.field} 晚于决定时刻`;
    case "parcel_lacks_line": return en(l) ? `no parcel "${p.parcel}" carries line "${p.line}"` : `没有装有订单行 "${p.line}" 的包裹 "${p.parcel}"`;
  }
};

const UNSUPPORTED_PATH = (p: IssueParams["unsupported_path"], l: Lang): string => {
  switch (p.reason) {
    case "no_dollar": return en(l) ? `path must start with "$" (got ${JSON.stringify(p.path)})` : `path 必须以 "$" 开头（实际为 ${JSON.stringify(p.path)}）`;
    case "unsupported_step":
      return en(l)
        ? `unsupported JSONPath at character ${p.at} of ${JSON.stringify(p.path)}: only ".name" and "[index]" steps are allowed (no filters, wildcards, recursion or quoted keys)`
        : `${JSON.stringify(p.path)} 第 ${p.at} 个字符处的 JSONPath 不受支持：只允许 ".name" 与 "[index]"（不支持过滤、通配、递归或带引号的键）`;
    case "reserved_step": return en(l) ? `path step "${p.step}" is reserved` : `path 中的 "${p.step}" 是保留名`;
    case "whole_fact": return en(l) ? `path "$" selects the whole fact; omit "path" instead` : `path "$" 选中整个事实；请直接省略 "path"`;
  }
};

const FLOOR = (p: IssueParams["below_statutory_floor"], l: Lang): string => {
  const floor = en(l)
    ? `the statutory ${p.floor.days}-day ${p.remedy} window (${p.floor.rule}: ${p.floor.citation})`
    : `法定 ${p.floor.days} 天 ${p.remedy} 期限（${p.floor.rule}：${p.floor.citation}）`;
  if (p.kind === "window") return en(l) ? `a ${p.days}-day ${p.remedy} window is below ${floor}; a merchant may extend it, never shorten it` : `${p.days} 天的 ${p.remedy} 期限低于${floor}；商家只能延长，不能缩短`;
  return en(l) ? `denying a ${p.remedy} from day ${p.fromDay} cuts into ${floor}` : `自第 ${p.fromDay} 天起拒绝 ${p.remedy}，侵入了${floor}`;
};

// Where zod's own words would say less than ours: date-times need an offset; names are identifiers.
const IDENTIFIER_PATTERN = String(IDENTIFIER);
const SNAKE_CASE_PATTERN = String(SNAKE_CASE);
const zod = (p: Parameters<typeof zodMessage>[0], l: Lang) => {
  if (p.zod.code === "invalid_format" && p.zod.format === "datetime") return INVALID_INPUT({ rule: "datetime_with_offset" }, l);
  if (p.zod.code === "invalid_format" && p.zod.format === "regex" && String(p.zod.pattern) === IDENTIFIER_PATTERN) return INVALID_INPUT({ rule: "identifier" }, l);
  if (p.zod.code === "invalid_format" && p.zod.format === "regex" && String(p.zod.pattern) === SNAKE_CASE_PATTERN) return INVALID_INPUT({ rule: "snake_case_key" }, l);
  return zodMessage(p, l);
};

const CALENDAR_REQUIRED = (p: IssueParams["calendar_required"], l: Lang): string => {
  switch (p.reason) {
    case "business_clock": return en(l) ? 'a target on the business clock needs a business calendar: name one in the policy\'s "calendar"' : '按工作时间计时的目标需要工作日历：请在策略的 "calendar" 中指定';
    case "rest_day_extension": return en(l) ? 'running windows on over rest days needs a calendar: name one in "calendar"' : '期限遇休息日顺延需要日历：请在 "calendar" 中指定';
    case "named_twice": return en(l) ? 'name the calendar once, in "calendar" ("restDayCalendar" is its first name)' : '日历只需指定一次，写在 "calendar" 中（"restDayCalendar" 是它的旧名）';
  }
};

/** Characters an editor or IME slips into JSON, by name and with what JSON wants instead. */
const LOOKALIKES: Readonly<Record<string, { en: string; zh: string; want?: string }>> = {
  "\uFEFF": { en: "a byte order mark (BOM) at the start of the file; save it as UTF-8 without BOM", zh: "文件开头有字节顺序标记（BOM）；请另存为不带 BOM 的 UTF-8" },
  "：": { en: 'a full-width colon "："', zh: "全角冒号“：”", want: ":" },
  "，": { en: 'a full-width comma "，"', zh: "全角逗号“，”", want: "," },
  "“": { en: 'a curly quote "“"', zh: "中文引号“”", want: '"' },
  "”": { en: 'a curly quote "”"', zh: "中文引号“”", want: '"' },
  "‘": { en: "a curly quote \"‘\"", zh: "中文单引号‘’", want: '"' },
  "’": { en: "a curly quote \"’\"", zh: "中文单引号‘’", want: '"' },
  "｛": { en: 'a full-width brace "｛"', zh: "全角花括号“｛”", want: "{" },
  "｝": { en: 'a full-width brace "｝"', zh: "全角花括号“｝”", want: "}" },
  "［": { en: 'a full-width bracket "［"', zh: "全角方括号“［”", want: "[" },
  "］": { en: 'a full-width bracket "］"', zh: "全角方括号“］”", want: "]" },
  "\u3000": { en: "a full-width space (U+3000)", zh: "全角空格（U+3000）", want: " " },
  "\u00A0": { en: "a no-break space (U+00A0)", zh: "不间断空格（U+00A0）", want: " " },
};

/** jsonc-parser's error codes in words. */
const JSON_ERRORS: Readonly<Record<string, { en: string; zh: string }>> = {
  InvalidSymbol: { en: "a character JSON does not allow here", zh: "此处有 JSON 不允许的字符" },
  InvalidNumberFormat: { en: "a malformed number", zh: "数字格式错误" },
  PropertyNameExpected: { en: 'a key in double quotes expected (a trailing comma?)', zh: "此处应为双引号括起的键（是否多了逗号？）" },
  ValueExpected: { en: "a value expected", zh: "此处应为一个值" },
  ColonExpected: { en: 'a ":" expected after the key', zh: "键后应为冒号“:”" },
  CommaExpected: { en: 'a "," expected between entries', zh: "条目之间应为逗号“,”" },
  CloseBraceExpected: { en: 'a closing "}" expected', zh: "缺少右花括号“}”" },
  CloseBracketExpected: { en: 'a closing "]" expected', zh: "缺少右方括号“]”" },
  EndOfFileExpected: { en: "text after the end of the JSON value", zh: "JSON 值结束后还有多余内容" },
  InvalidCommentToken: { en: "comments are not allowed in JSON", zh: "JSON 不允许注释" },
  UnexpectedEndOfComment: { en: "comments are not allowed in JSON", zh: "JSON 不允许注释" },
  UnexpectedEndOfString: { en: "a string is not closed", zh: "字符串没有结束引号" },
  UnexpectedEndOfNumber: { en: "a number is cut off", zh: "数字不完整" },
  InvalidUnicode: { en: "a malformed \\u escape", zh: "\\u 转义格式错误" },
  InvalidEscapeCharacter: { en: "an escape JSON does not know", zh: "JSON 不认识的转义字符" },
  InvalidCharacter: { en: "a control character inside a string", zh: "字符串中有控制字符" },
};

const codePoint = (c: string) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;

function unreadableCharacter(found: string, l: Lang): string {
  const known = LOOKALIKES[found];
  if (!known) return en(l) ? `invalid JSON: unexpected character "${found}" (${codePoint(found)})` : `JSON 语法错误：无法识别的字符“${found}”（${codePoint(found)}）`;
  if (known.want === undefined) return en(l) ? `invalid JSON: ${known.en}` : `JSON 语法错误：${known.zh}`;
  return en(l) ? `invalid JSON: ${known.en} where JSON needs "${known.want}"` : `JSON 语法错误：此处是${known.zh}，JSON 需要半角“${known.want}”`;
}

const MESSAGES: Catalog = {
  invalid_json: (p, l) => {
    if (p.found !== undefined) return unreadableCharacter(p.found, l);
    const words = JSON_ERRORS[p.error];
    return en(l) ? `invalid JSON: ${words?.en ?? p.error}` : `JSON 语法错误：${words?.zh ?? p.error}`;
  },
  too_large: (p, l) => {
    if (p.limit === "values") return en(l) ? `more than ${p.max} values in one document` : `单个文档中的值超过 ${p.max} 个`;
    if (p.limit === "depth") return en(l) ? `nested deeper than ${p.max} levels` : `嵌套超过 ${p.max} 层`;
    if (p.limit === "file_bytes") return en(l) ? `${p.file} is ${p.got} bytes (at most ${p.max})` : `${p.file} 有 ${p.got} 字节（最多 ${p.max}）`;
    if (p.limit === "expanded_depth") return en(l) ? `rule "${p.rule}" nests ${p.got} conditions deep through shared conditions (at most ${p.max})` : `规则 "${p.rule}" 经共享条件嵌套 ${p.got} 层（最多 ${p.max}）`;
    if (p.limit === "expanded_conditions") {
      return en(l)
        ? `rule "${p.rule}" expands to ${p.got} conditions through shared conditions (at most ${p.max}): each use of a shared condition counts, so one used twice at each level doubles per level`
        : `规则 "${p.rule}" 经共享条件展开为 ${p.got} 个条件（最多 ${p.max}）：每次引用都计数，每层引用两次则逐层翻倍`;
    }
    if (p.limit === "decorators") return en(l) ? `operator "${p.operator}" has ${p.got} decorators (at most ${p.max})` : `运算符 "${p.operator}" 有 ${p.got} 个修饰（最多 ${p.max}）`;
    const noun = { items: ["items", "个订单行"], parcels: ["parcels", "个包裹"], request_lines: ["request lines", "个申请行"], array: ["elements in an array", "个数组元素"] }[p.limit];
    return en(l) ? `at most ${p.max} ${noun[0]} (got ${p.got})` : `最多 ${p.max} ${noun[1]}（实际 ${p.got}）`;
  },
  duplicate_key: (p, l) => (en(l) ? `key "${p.key}" appears twice in this object; JSON keeps only the last` : `键 "${p.key}" 在此对象中出现两次；JSON 只保留最后一个`),
  io_error: (p, l) => {
    if (p.reason === "not_found") return en(l) ? `no such file or folder: ${p.file}` : `文件或文件夹不存在：${p.file}`;
    if (p.reason === "not_regular") return en(l) ? `${p.file} is not a regular file (${p.kind ?? "other"})` : `${p.file} 不是普通文件（${p.kind ?? "other"}）`;
    if (p.reason === "changed") return en(l) ? `${p.file} changed while being read` : `${p.file} 在读取时被修改`;
    return en(l) ? `cannot read ${p.file}: ${p.error ?? ""}` : `无法读取 ${p.file}：${p.error ?? ""}`;
  },
  outside_policy_folder: (p, l) => {
    if (p.reason === "absolute") return en(l) ? `"${p.name}" is an absolute path; name files relative to the policy folder` : `"${p.name}" 是绝对路径；请写相对于策略文件夹的文件名`;
    const through = p.reason === "symlink_out" ? (en(l) ? " (through a symlink)" : "（经符号链接）") : "";
    return en(l) ? `"${p.name}" is outside the policy folder${through}; a policy reads only files inside its folder` : `"${p.name}" 在策略文件夹之外${through}；策略只读取其文件夹内的文件`;
  },
  invalid_type: zod,
  invalid_value: zod,
  invalid_format: zod,
  too_big: zod,
  too_small: zod,
  not_multiple_of: zod,
  unrecognized_keys: zod,
  invalid_union: zod,
  invalid_key: zod,
  invalid_element: zod,
  invalid_event_params: zod,
  invalid_input: INVALID_INPUT,
  inconsistent_case: INCONSISTENT,
  unknown_operator: (p, l) => (en(l) ? `unknown operator ${q(p.operator)}` : `未知运算符 ${q(p.operator)}`) + didYouMean(p.suggestion, l),
  unknown_condition: (p, l) => (en(l) ? `no shared condition named "${p.condition}" in this rule set's "conditions"` : `本规则集的 "conditions" 中没有名为 "${p.condition}" 的共享条件`),
  condition_cycle: (p, l) => (en(l) ? `shared conditions reference each other in a cycle: ${p.cycle.join(" → ")}` : `共享条件循环引用：${p.cycle.join(" → ")}`),
  duplicate_rule_name: (p, l) => (en(l) ? `duplicate rule name "${p.name}" (first used by rules[${p.first}])` : `规则名 "${p.name}" 重复（首次用于 rules[${p.first}]）`),
  unsupported_path: UNSUPPORTED_PATH,
  reserved_name: (_p, l) => (en(l) ? "this name reaches object prototypes and is reserved" : "此名称会触及对象原型，为保留名"),
  reserved_event_type: (p, l) => (en(l) ? `event types ${p.reserved.join(", ")} are reserved by json-rules-engine's emitter` : `事件类型 ${p.reserved.join("、")} 被 json-rules-engine 的事件发射器保留`),
  unknown_event_type: (p, l) =>
    en(l)
      ? `${/^[aeiou]/.test(p.kind) ? "an" : "a"} ${p.kind} rule set cannot fire "${p.type}"${didYouMean(p.suggestion, l)}; it may fire ${list(p.allowed)}`
      : `${p.kind} 规则集不能触发 "${p.type}"${didYouMean(p.suggestion, l)}；可触发：${list(p.allowed)}`,
  unknown_fact: (p, l) => (en(l) ? `unknown fact "${p.fact}"${didYouMean(p.suggestion, l)} (the documented facts: docs/rule-format.md)` : `未知事实 "${p.fact}"${didYouMean(p.suggestion, l)}（事实清单见 docs/rule-format.md）`),
  fact_not_available: (p, l) =>
    p.stage === "line"
      ? en(l) ? `fact "${p.fact}" describes one order line; only eligibility rules (run once per requested line) read line facts, and ${p.kind} runs once per case` : `事实 "${p.fact}" 描述单个订单行；只有逐行运行的 eligibility 规则能读取，而 ${p.kind} 每个案件只运行一次`
      : en(l) ? `fact "${p.fact}" is decided by the ${p.stage} stage, which runs after ${p.kind}` : `事实 "${p.fact}" 由 ${p.stage} 阶段得出，该阶段在 ${p.kind} 之后运行`,
  type_mismatch: (p, l) => TYPE_MISMATCH[p.problem](p, l),
  unknown_value: (p, l) =>
    (en(l) ? `"${p.fact}" is never ${JSON.stringify(p.value)}: its values are ${list(p.values)}` : `"${p.fact}" 不会是 ${JSON.stringify(p.value)}：可能的值为 ${list(p.values)}`) + didYouMean(p.suggestion, l),
  dead_rule: (p, l) => (en(l) ? `rule "${p.rule}" can never fire: ${p.a} and ${p.b} cannot both hold` : `规则 "${p.rule}" 永远不会触发：${p.a} 与 ${p.b} 不可能同时成立`),
  shadowed_rule: (p, l) =>
    en(l)
      ? `rule "${p.rule}" is shadowed by "${p.by}": same event, at least the same priority, and its conditions are a subset, so "${p.rule}" never adds anything`
      : `规则 "${p.rule}" 被 "${p.by}" 遮蔽：事件相同、优先级不低且条件是其子集，"${p.rule}" 不会带来任何变化`,
  shipping_terms_grant_remedy: (p, l) =>
    en(l)
      ? `rule "${p.rule}" pays return shipping but reads nothing about the goods (reason, condition, days since delivery): it grants a ${p.remedy} to every case it matches; if only free return shipping is meant, use promise.freeReturnShipping, which opens nothing`
      : `规则 "${p.rule}" 承担退货运费，但条件未读取任何商品情况（原因、状态、签收后天数）：凡匹配的案件都会被允许${p.remedy === "return" ? "退货" : "换货"}；若只想承担运费，请使用 promise.freeReturnShipping（不开放任何售后）`,
  negative_operator_on_nullable_fact: (p, l) =>
    en(l)
      ? `"${p.fact}" is null when its input is missing, and null passes ${p.operator}: the rule fires on absent data (P4); test the fact for null first or use a positive operator`
      : `输入缺失时 "${p.fact}" 为 null，而 null 能通过 ${p.operator}：规则会在数据缺失时触发（P4）；请先判断是否为 null，或改用肯定式运算符`,
  undefined_fact: (p, l) => (en(l) ? `Undefined fact: ${p.fact}` : `未定义的事实：${p.fact}`),
  operator_error: (p, l) =>
    p.operator === undefined
      ? en(l) ? `json-rules-engine failed: ${p.error}` : `json-rules-engine 出错：${p.error}`
      : en(l) ? `Operator "${p.operator}" failed in rule "${p.rule}" on fact "${p.fact}": ${p.error}` : `规则 "${p.rule}" 中运算符 "${p.operator}" 对事实 "${p.fact}" 出错：${p.error}`,
  duplicate_layer: (p, l) =>
    en(l) ? `a layer named "${p.name}" comes earlier in this policy (one that extends "default" starts with the bundled layers)` : `本策略前面已有名为 "${p.name}" 的层（extends "default" 的策略以内置层开头）`,
  effective_dates: EFFECTIVE_DATES,
  unknown_attribute: (p, l) =>
    p.attribute === null
      ? en(l) ? `fact "${p.fact}" is read with a path naming a declared attribute, e.g. "$.${p.declared[0] ?? "brand"}"` : `事实 "${p.fact}" 须用 path 指明已声明的属性，例如 "$.${p.declared[0] ?? "brand"}"`
      : en(l)
        ? `the policy declares no attribute "${p.attribute}" for "${p.fact}" (declared: ${p.declared.length === 0 ? "none" : list(p.declared)})${didYouMean(p.suggestion, l)}`
        : `策略没有为 "${p.fact}" 声明属性 "${p.attribute}"（已声明：${p.declared.length === 0 ? "无" : list(p.declared)}）${didYouMean(p.suggestion, l)}`,
  duplicate_rule_set: (p, l) => (en(l) ? `rule set "${p.id}" version "${p.version}" is used twice in this policy (first in layer "${p.layer}")` : `规则集 "${p.id}" 的版本 "${p.version}" 在本策略中出现两次（首次在层 "${p.layer}"）`),
  below_statutory_floor: FLOOR,
  calendar_required: CALENDAR_REQUIRED,
  missing_rule_set: (p, l) => {
    if (p.what === "sanbao_table") return en(l) ? 'name a 三包 table file in "sanbaoTable", or use "extends": "default"' : '请在 "sanbaoTable" 中指定三包目录文件，或使用 "extends": "default"';
    if (p.what === "rest_day_calendar") return en(l) ? `the rest-day calendar "${p.name ?? ""}" could not be loaded` : `无法加载休息日日历 "${p.name ?? ""}"`;
    return en(l) ? `no rule set ${q(p.name)}` : `没有规则集 ${q(p.name)}`;
  },
};

/** The message of a raw issue, in the language asked for. */
export function messageOf(issue: RawIssue, lang: Lang): string {
  return (MESSAGES[issue.code] as (p: unknown, l: Lang) => string)(issue.params, lang);
}

/** Raw issues as the caller gets them: each with its severity and its message in `lang`. */
export function finalizeIssues(issues: readonly RawIssue[], lang: Lang = DEFAULT_LANG): Issue[] {
  return issues.map((i) => ({ ...i, severity: SEVERITY[i.code], message: messageOf(i, lang) }) as Issue);
}

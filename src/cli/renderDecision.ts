import type { Decision, SlaTargetStatus, Verdict } from "../decide/types.js";
import { REMEDIES } from "../policy/format/eventSchemas.js";
import type { Lang } from "./io.js";
import { readableInstant, yuan } from "./readable.js";

type Colors = { bold(s: string): string; green(s: string): string; red(s: string): string; yellow(s: string): string; dim(s: string): string };

const LABELS = {
  "zh-CN": {
    decision: "售后决定", tier: "服务等级", firstResponse: "首次响应截止", solution: "方案截止", followUp: "跟进",
    eligibility: "救济资格", allowed: "可以", denied: "不可", undetermined: "待定（需补充信息或人工判断）", until: "截止", shipping: "退货运费",
    line: "商品行", units: "件", of: "共", paid: "实付", allocated: "按订单优惠分摊", refund: "退款", wanted: "诉求", signed: "签收",
    refundDue: "退款期限", received: "退货签收于", overdue: "已逾期",
    open: { all: "所涉各行均可", some: "部分行可", none: "均不可" },
    merchant: "商家承担", customer: "顾客承担", insurance: "运费险承担", upTo: "最高", review: "需人工复核", compensation: "补偿方案", cash: "现金", none: "无",
    nonCash: { coupon: "优惠券", voucher: "代金券", points: "积分", gift: "赠品" },
    remedies: { return: "退货", exchange: "换货", repair: "维修", refundOnly: "仅退款", reship: "补发" },
    because: "依据",
    status: { met: "已达成", on_track: "进行中", at_risk: "即将超时", breached: "已超时" },
    left: "剩余", business: "工作分钟", calendar: "分钟",
    yearsMissing: "日历未收录的年份（按每周安排计算）",
  },
  en: {
    decision: "After-sales decision", tier: "SLA tier", firstResponse: "first response due", solution: "solution due", followUp: "follow-up",
    eligibility: "Eligibility", allowed: "allowed", denied: "denied", undetermined: "undetermined (needs input or a person)", until: "until", shipping: "return shipping",
    line: "Line", units: "units", of: "of", paid: "paid", allocated: "allocated from the order's discounts", refund: "refund", wanted: "asks for", signed: "signed for",
    refundDue: "refund due", received: "returned goods received", overdue: "overdue",
    open: { all: "open for every requested line", some: "open for some lines", none: "open for none" },
    merchant: "merchant pays", customer: "customer pays", insurance: "insurance pays", upTo: "up to", review: "Manual review required", compensation: "Compensation options", cash: "cash", none: "none",
    nonCash: { coupon: "coupons", voucher: "vouchers", points: "points", gift: "gifts" },
    remedies: { return: "return", exchange: "exchange", repair: "repair", refundOnly: "refund only", reship: "reship" },
    because: "basis",
    status: { met: "met", on_track: "on track", at_risk: "at risk", breached: "breached" },
    left: "left", business: "business minutes", calendar: "minutes",
    yearsMissing: "years the calendar does not list (its weekly plan used)",
  },
} as const;

const isNothingFired = (v: Verdict) => v.status === "denied" && v.reasons.length === 1 && v.reasons[0]!.code === "no_rule_allows";

/** The decision as a person reads it, in zh-CN or en. */
export function renderDecision(d: Decision, lang: Lang, c: Colors): string {
  const L = LABELS[lang];
  const out: string[] = [];
  // An instant in words, in the policy's zone, beside its ISO form; `end` for a deadline.
  const when = (iso: string, end = false) => `${readableInstant(iso, d.timeZone, lang, { end, yearOf: d.decidedAt })} (${iso})`;
  out.push(c.bold(`${L.decision} ${d.caseId}`) + c.dim(`  (${d.policy.id} ${d.policy.version}; ${d.policy.layers.join(" → ")})`));
  out.push(`${L.tier} ${c.bold(String(d.sla.tier))}: ${d.sla.because.map((b) => b.message[lang]).join("; ") || L.none}`);
  const standing = (s: SlaTargetStatus) => ` (${L.status[s.status]}, ${L.left} ${s.minutesLeft} ${L[s.clock]})`;
  out.push(`  ${L.firstResponse} ${when(d.sla.firstResponseDue)}${standing(d.sla.status.firstResponse)}, ${L.solution} ${when(d.sla.solutionDue)}${standing(d.sla.status.solution)}`);
  for (const f of d.sla.followUps) out.push(`  ${L.followUp} ${when(f.due)}${standing(f)}: ${f.message[lang]}`);
  if (d.calendar !== undefined && d.calendar.yearsMissing.length > 0) out.push(c.yellow(`  ${d.calendar.id} ${d.calendar.version}: ${L.yearsMissing} ${d.calendar.yearsMissing.join(", ")}`));
  for (const line of d.lines) {
    const units = `${line.units}/${line.ofUnits} ${L.units}`;
    const paid = `${L.paid} ${yuan(line.paid.amount)}${line.paid.allocated ? ` (${L.allocated})` : ""}, ${L.refund} ${yuan(line.refund.amount)}`;
    const wanted = line.remedyWanted ? `, ${L.wanted}: ${L.remedies[line.remedyWanted]}` : "";
    out.push("", c.bold(`${L.eligibility} — ${L.line} ${line.line}`) + ` (${line.sku}, ${line.category}; ${units}; ${paid}${wanted})`);
    if (line.deliveredAt) out.push(`  ${L.signed} ${when(line.deliveredAt)}${line.parcel ? ` (${line.parcel})` : ""}`);
    if (line.unknownCategory) out.push(c.yellow(`  ! ${line.unknownCategory.message[lang]} (${line.unknownCategory.path})`));
    if (line.refundDue) {
      const due = `${L.refundDue} ${when(line.refundDue.due, true)} (${L.received} ${when(line.refundDue.receivedAt)})`;
      out.push(line.refundDue.overdue ? c.red(`  ! ${due}: ${L.overdue}`) : `  ${due}`);
    }
    // Remedies no rule spoke about share one line: the verdicts worth reading stand out.
    const unspoken = REMEDIES.filter((r) => isNothingFired(line.eligibility[r]));
    for (const remedy of REMEDIES) if (!unspoken.includes(remedy)) out.push(renderVerdict(L.remedies[remedy], line.eligibility[remedy], lang, c));
    if (unspoken.length > 0) out.push(c.dim(`  ✘ ${unspoken.map((r) => L.remedies[r]).join(", ")}: ${line.eligibility[unspoken[0]!].reasons[0]!.message[lang]}`));
  }
  if (d.lines.length > 1) {
    out.push("", c.bold(L.eligibility));
    for (const remedy of REMEDIES) {
      const r = d.eligibility[remedy];
      out.push(`  ${L.remedies[remedy]}: ${L.open[r.open]}${r.open === "some" ? ` (${r.lines.join(", ")})` : ""}${r.undetermined.length ? `; ${L.undetermined}: ${r.undetermined.join(", ")}` : ""}`);
    }
  }
  if (d.eligibility.manualReview.required) {
    out.push("", c.yellow(c.bold(L.review)));
    for (const r of d.eligibility.manualReview.reasons) out.push(`  - ${r.line ? `[${r.line}] ` : ""}${r.message[lang]}${r.missing ? ` [${r.missing}]` : ""}${r.rule ? ` ${c.dim(`(${r.layer}/${r.rule})`)}` : ""}`);
  }
  out.push("", c.bold(L.compensation));
  if (d.compensation.options.length === 0) out.push(`  ${L.none}`);
  for (const o of d.compensation.options) {
    // Cash and coupons apart: a ¥20 coupon is not ¥20 more refund, so no sum of the two is shown.
    const nonCash = (Object.keys(L.nonCash) as (keyof typeof L.nonCash)[])
      .map((kind) => ({ kind, fen: o.items.filter((i) => i.kind === kind).reduce((sum, i) => sum + i.amount.amount, 0), any: o.items.some((i) => i.kind === kind) }))
      .filter((k) => k.any)
      .map((k) => `${L.nonCash[k.kind]} ${yuan(k.fen)}`);
    out.push(`  ${o.label[lang]}: ${[`${L.cash} ${yuan(o.cash.amount)}`, ...nonCash].join(" · ")}`);
    for (const i of o.items) out.push(`    - ${i.label[lang]}: ${yuan(i.amount.amount)} ${c.dim(`(${i.layer}/${i.rule})`)}`);
  }
  return out.join("\n");

  function renderVerdict(name: string, v: Verdict, l: Lang, k: Colors): string {
    const lines: string[] = [];
    const head =
      v.status === "allowed" ? k.green(`✔ ${name} ${L.allowed}`) : v.status === "undetermined" ? k.yellow(`? ${name} ${L.undetermined}`) : k.red(`✘ ${name} ${L.denied}`);
    const extra = [
      v.deadline ? when(v.deadline, true) : "",
      v.returnShippingPaidBy ? `${L.shipping}: ${L[v.returnShippingPaidBy]}${v.returnShippingUpTo ? ` ${L.upTo} ${yuan(v.returnShippingUpTo.amount)}` : ""}` : "",
    ].filter(Boolean);
    lines.push(`  ${head}${extra.length ? ` (${extra.join(", ")})` : ""}`);
    for (const b of v.basis) lines.push(`      ${L.because}: ${b.citation[l]} ${k.dim(`(${b.layer}/${b.rule})`)}`);
    for (const d2 of v.reasons) lines.push(`      - ${d2.message[l]}${d2.missing ? ` [${d2.missing}]` : ""}${d2.rule ? k.dim(` (${d2.layer}/${d2.rule})`) : ""}`);
    return lines.join("\n");
  }
}

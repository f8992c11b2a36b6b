import { dayWindowDeadline, formatInZone, type Zone } from "../time/index.js";
import type { RequestedLine } from "./requestedLines.js";
import type { JudgedLine } from "./stages/eligibility.js";
import type { RefundDue, ReviewReason } from "./types.js";

/**
 * When the refund of a returned line falls due: within N days of the merchant receiving the
 * goods back (消保法 art. 25 ¶3: "自收到退回商品之日起七日内"), counted like a window — from the
 * next day, ending 24:00 of day N in the policy's zone — and whether it is overdue at the
 * instant of the decision. Only for a line whose return is allowed by a basis that sets the
 * period and whose goods the case says came back.
 *
 * @example
 * // received 2026-03-10 15:00 +08:00, 7 days → due 2026-03-18T00:00:00+08:00
 */
export function refundDueOf(line: RequestedLine, judged: JudgedLine, decidedAt: Date, z: Zone): RefundDue | undefined {
  const within = judged.refundWithin;
  const received = line.returnReceivedAt;
  if (within === undefined || received === undefined) return undefined;
  const due = dayWindowDeadline(received, within.days, z);
  return { receivedAt: formatInZone(received, z), due: formatInZone(due, z), overdue: decidedAt.getTime() >= due.getTime(), basis: within.basis };
}

/** An overdue refund goes to a person: the law's period has passed and the money is still owed. */
export function refundOverdue(line: RequestedLine, due: RefundDue): ReviewReason {
  return {
    stage: "eligibility",
    line: line.id,
    code: "refund_overdue",
    message: {
      "zh-CN": `退货已于 ${due.receivedAt} 收到，退款应在 ${due.due} 前完成，现已逾期`,
      en: `The returned goods were received at ${due.receivedAt}; the refund was due before ${due.due} and is overdue`,
    },
    ...sourceOf(due.basis),
  };
}

function sourceOf(b: RefundDue["basis"]): { layer: string; ruleSet: string; rule: string } {
  return { layer: b.layer, ruleSet: b.ruleSet, rule: b.rule };
}

import type { InconsistentCaseParams } from "../_lib/issues.js";
import { parseInstant } from "../time/index.js";

/** Where a contradiction is and which (the `inconsistent_case` issue's params). */
export interface ConsistencyIssue {
  readonly path: (string | number)[];
  readonly params: InconsistentCaseParams;
}

interface LineHistory {
  readonly installedAt?: string | undefined;
  readonly history?: {
    readonly exchanges?: readonly { readonly completedAt: string }[] | undefined;
    readonly repairs?: readonly { readonly handedInAt: string; readonly returnedAt?: string | undefined }[] | undefined;
  } | undefined;
}

interface Times {
  readonly reportedAt: string;
  readonly request: {
    readonly returnReceivedAt?: string | undefined;
    readonly lines?: readonly { readonly returnReceivedAt?: string | undefined }[] | undefined;
  };
  readonly order: {
    readonly placedAt: string;
    readonly paidAt?: string | undefined;
    readonly shippedAt?: string | undefined;
    readonly deliveredAt?: string | undefined;
    readonly promisedDeliveryBy?: string | undefined;
    readonly parcels?: readonly { readonly shippedAt?: string | undefined; readonly deliveredAt?: string | undefined }[] | undefined;
    readonly items: readonly LineHistory[];
  };
}

/**
 * A case describes the order as it stood when the customer asked (`reportedAt`, the instant
 * every window is judged at), so its times come in the order life gives them: placed, then
 * paid, shipped and signed for (签收), and all of it no later than the report; only the
 * merchant's receipt of returned goods comes after it. A case that
 * says otherwise contradicts itself — signed for before it left, or after it was reported
 * (which would count a window with negative days) — and is refused, never decided. Instants
 * are compared, not texts: the same moment may be written with different offsets.
 *
 * A contradiction with the report is put at `reportedAt` (the one time every other is
 * judged against); one between two order times, at the later-in-life of the two.
 */
export function timeOrderIssues(c: Times, issues: ConsistencyIssue[] | undefined): ConsistencyIssue[] | undefined {
  const reported = parseInstant(c.reportedAt);
  const { order } = c;
  const placed = parseInstant(order.placedAt);
  if (reported < placed) issues = add(issues, ["reportedAt"], { rule: "reported_before", field: "order.placedAt", at: order.placedAt, reported: c.reportedAt });
  if (order.paidAt !== undefined && parseInstant(order.paidAt) < placed) issues = add(issues, ["order", "paidAt"], { rule: "time_before", field: "paidAt", before: "placedAt" });
  if (order.promisedDeliveryBy !== undefined && parseInstant(order.promisedDeliveryBy) < placed) issues = add(issues, ["order", "promisedDeliveryBy"], { rule: "time_before", field: "promisedDeliveryBy", before: "placedAt" });
  // The returned goods come back in answer to the request: never before it.
  const { request } = c;
  if (request.returnReceivedAt !== undefined && parseInstant(request.returnReceivedAt) < reported) issues = add(issues, ["request", "returnReceivedAt"], { rule: "time_before", field: "returnReceivedAt", before: "reportedAt" });
  const lines = request.lines;
  if (lines !== undefined) {
    for (let r = 0; r < lines.length; r++) {
      const at = lines[r]!.returnReceivedAt;
      if (at !== undefined && parseInstant(at) < reported) issues = add(issues, ["request", "lines", r, "returnReceivedAt"], { rule: "time_before", field: "returnReceivedAt", before: "reportedAt" });
    }
  }
  const items = order.items;
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    if (item.installedAt !== undefined || item.history !== undefined) issues = historyIssues(issues, item, i, placed, reported);
  }
  const parcels = order.parcels;
  if (parcels === undefined) return shipment(issues, order, -1, placed, reported, c.reportedAt);
  for (let p = 0; p < parcels.length; p++) issues = shipment(issues, parcels[p]!, p, placed, reported, c.reportedAt);
  return issues;
}

// Plain functions, no closures or paths built unless there is an issue: this runs for every valid case.
function shipment(
  issues: ConsistencyIssue[] | undefined,
  s: { readonly shippedAt?: string | undefined; readonly deliveredAt?: string | undefined },
  parcel: number,
  placed: number,
  reported: number,
  reportedText: string,
): ConsistencyIssue[] | undefined {
  const shipped = s.shippedAt === undefined ? undefined : parseInstant(s.shippedAt);
  const signed = s.deliveredAt === undefined ? undefined : parseInstant(s.deliveredAt);
  if (shipped !== undefined && shipped < placed) issues = add(issues, pathOf(parcel, "shippedAt"), { rule: "time_before", field: "shippedAt", before: "placedAt" });
  if (signed !== undefined && signed < placed) issues = add(issues, pathOf(parcel, "deliveredAt"), { rule: "time_before", field: "deliveredAt", before: "placedAt" });
  else if (signed !== undefined && shipped !== undefined && signed < shipped) issues = add(issues, pathOf(parcel, "deliveredAt"), { rule: "time_before", field: "deliveredAt", before: "shippedAt" });
  const name = parcel < 0 ? "order" : `order.parcels[${parcel}]`;
  if (signed !== undefined && signed > reported) {
    issues = add(issues, ["reportedAt"], { rule: "reported_before", field: `${name}.deliveredAt`, at: s.deliveredAt!, reported: reportedText });
  } else if (shipped !== undefined && shipped > reported) {
    issues = add(issues, ["reportedAt"], { rule: "reported_before", field: `${name}.shippedAt`, at: s.shippedAt!, reported: reportedText });
  }
  return issues;
}

// A line's installation, exchanges and repairs happened after the order and before the request
// (the last signing bounds them too, but which parcel a line's units came in is the decision's
// question, not the schema's); a repair came back after it was handed in.
function historyIssues(issues: ConsistencyIssue[] | undefined, item: LineHistory, i: number, placed: number, reported: number): ConsistencyIssue[] | undefined {
  const within = (at: string, path: (string | number)[], what: string) => {
    const t = parseInstant(at);
    if (t < placed) issues = add(issues, path, { rule: "time_before", field: what, before: "placedAt" });
    else if (t > reported) issues = add(issues, path, { rule: "time_after_report", field: what });
    return t;
  };
  if (item.installedAt !== undefined) within(item.installedAt, ["order", "items", i, "installedAt"], "installedAt");
  const exchanges = item.history?.exchanges ?? [];
  for (let k = 0; k < exchanges.length; k++) within(exchanges[k]!.completedAt, ["order", "items", i, "history", "exchanges", k, "completedAt"], "completedAt");
  const repairs = item.history?.repairs ?? [];
  for (let k = 0; k < repairs.length; k++) {
    const r = repairs[k]!;
    const path = ["order", "items", i, "history", "repairs", k];
    const handedIn = within(r.handedInAt, [...path, "handedInAt"], "handedInAt");
    if (r.returnedAt !== undefined && within(r.returnedAt, [...path, "returnedAt"], "returnedAt") < handedIn) issues = add(issues, [...path, "returnedAt"], { rule: "time_before", field: "returnedAt", before: "handedInAt" });
  }
  return issues;
}

function pathOf(parcel: number, field: string): (string | number)[] {
  return parcel < 0 ? ["order", field] : ["order", "parcels", parcel, field];
}

function add(issues: ConsistencyIssue[] | undefined, path: (string | number)[], params: InconsistentCaseParams): ConsistencyIssue[] {
  (issues ??= []).push({ path, params });
  return issues;
}

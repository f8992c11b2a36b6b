/**
 * Every fact the rules may read, documented once: name, type and meaning. The fact
 * derivation fills exactly these; lint and the rule-file JSON Schema read this list.
 *
 * Unknown data is never a default that a rule could mistake for a real value: a fact
 * that depends on missing input is `null`, and the rules route it to review.
 */
export type FactType = "string" | "number" | "boolean" | "string[]" | "number|null" | "boolean|null" | "string|null" | "object";

/**
 * Where a fact comes from: `case` facts describe the whole case (the customer, the request,
 * the order's totals) and every stage reads them; `line` facts describe one requested order
 * line (its category, parcel, condition, units, price) and only the eligibility stage, which
 * runs once per requested line, reads them; `eligibility` facts are the eligibility stage's
 * verdicts rolled up over the requested lines, read by compensation.
 */
export type FactLevel = "case" | "line" | "eligibility";

export interface FactDoc {
  readonly type: FactType;
  readonly stage: FactLevel;
  readonly en: string;
  readonly zh: string;
}

export const FACTS = {
  requestType: { type: "string", stage: "case", en: "What the customer asks for: request.type.", zh: "顾客诉求类型 request.type" },
  reason: { type: "string", stage: "case", en: "Why: request.reason.", zh: "诉求原因 request.reason" },
  shipped: { type: "boolean", stage: "line", en: "The line's parcel (or, without parcels, the order) has shippedAt or deliveredAt.", zh: "该行所在包裹是否已发货" },
  delivered: { type: "boolean", stage: "line", en: "The line's parcel (or, without parcels, the order) has deliveredAt (签收).", zh: "该行所在包裹是否已签收" },
  daysSinceDelivery: {
    type: "number|null",
    stage: "line",
    en: "Calendar days from the delivery date to the date of reportedAt, in the policy's zone (delivery day = 0, so day 7 is the last day of a 7-day window). With the policy's rest-day extension on, rest days just before reportedAt do not count (民法典 art. 203 ¶1), so `≤ N` holds through an N-day window run on over rest days. null when not delivered.",
    zh: "签收日至申请日的自然日数（政策时区；签收当日为 0，签收次日起算）；政策启用休息日顺延时，申请日前紧邻的休息日不计（民法典第二百零三条）；未签收为 null",
  },
  daysSinceInstallation: {
    type: "number|null",
    stage: "line",
    en: "Like daysSinceDelivery, from the completed installation of goods the merchant installs (order.items[].installedAt; the 三包 windows run from it, 实施条例 art. 18 ¶1), from delivery without one. null when not delivered.",
    zh: "同 daysSinceDelivery，但对经营者安装的商品自安装完成之日起算（三包期限，实施条例第十八条）；无安装时自签收起算；未签收为 null",
  },
  noReasonWindowDays: {
    type: "number",
    stage: "line",
    en: "The last day of the 7-day no-reason window, counted from delivery: 7, or later when the policy runs windows on over rest days and day 7 is a rest day (民法典 art. 203 ¶1; off by default).",
    zh: "七日无理由退货期限的最后一日（与 daysSinceDelivery 同样计数）：通常为 7；政策启用休息日顺延且第 7 日为休息日时顺延",
  },
  pastPromisedDelivery: {
    type: "boolean",
    stage: "case",
    en: "A promised delivery time exists and delivery (or, undelivered, the report) came after it.",
    zh: "是否超过承诺送达时间",
  },
  goodsCondition: { type: "string|null", stage: "line", en: "The condition of the requested units: the request line's goodsCondition, else request.goodsCondition; null when neither is given.", zh: "商品状态；未提供为 null" },
  goodsIntact: {
    type: "boolean|null",
    stage: "line",
    en: "商品完好: unopened or opened only to inspect → true; used or damaged by the customer → false; a broken one-time seal → false for goods whose category row has oneTimeSeal (food, cosmetics …, 暂行办法 art. 9), true for others (a phone box opened to inspect), null when the table does not know the category; not given → null.",
    zh: "商品完好：未拆封或仅为查验拆封为 true；使用或人为损坏为 false；一次性密封已拆：品类有一次性卫生密封（食品、化妆品等）为 false，其他品类为 true，品类未知为 null；未提供为 null",
  },
  damagedByCustomer: {
    type: "boolean",
    stage: "line",
    en: "The requested units' condition is damaged_by_customer (a quality claim on them has a disputed cause: 消保法 art. 23 ¶1 'normal use').",
    zh: "所涉商品为顾客人为损坏",
  },
  statutoryExclusion: {
    type: "boolean",
    stage: "line",
    en: "The line's goods are custom-made, perishable, a digital download, opened sealed media or a periodical (消保法 art. 25 ¶1: the goods named, never the order that holds them).",
    zh: "该行商品属于法定不适用七日无理由退货的商品",
  },
  statutoryExclusions: { type: "string[]", stage: "line", en: "Which statutory exclusions apply (flag names).", zh: "适用的法定排除情形" },
  waivedAtPurchase: {
    type: "boolean",
    stage: "line",
    en: "The line was confirmed at purchase as not returnable without reason (消保法 art. 25 ¶2).",
    zh: "购买时经消费者确认不宜退货",
  },
  category: { type: "string", stage: "line", en: "The line's category: the category table's key when the table knows the name (or an alias of it), else the name as sent.", zh: "该行商品的品类（品类表认识时为表中的键名）" },
  categoryKnown: { type: "boolean", stage: "line", en: "The policy's category table knows the line's category (by its key or an alias).", zh: "品类表认识该行商品的品类" },
  inSanbaoCatalogue: { type: "boolean", stage: "line", en: "The category is a 三包 catalogue row of the policy's category table (a row with statutory: false, e.g. earphones, is not).", zh: "品类属于三包目录（品类表中 statutory 为 true 的行）" },
  warrantyMonths: {
    type: "number|null",
    stage: "line",
    en: "The 三包 period in months: the failed part's own period when the case names a part the category table lists, else the whole unit's; the statutory period, or the item's warrantyMonths when longer (a catalogue row), or the item's warrantyMonths alone (outside the catalogue); null when none is known.",
    zh: "三包有效期（月）：注明故障部件且品类表列有该部件时为部件有效期，否则为整机有效期；法定期限为下限，商品承诺更长时从其承诺；均无为 null",
  },
  withinWarranty: {
    type: "boolean|null",
    stage: "line",
    en: "reportedAt is before the end of the 三包 period, counted from delivery, from installation for goods the merchant installs (order.items[].installedAt), or anew from the last exchange, and run on by the days in repair (order.items[].history; 实施条例 art. 18 ¶1) and, when the policy turns the extension on, over rest days; null when not delivered, no period is known, or the answer depends on which part failed and the case does not say (failedPartNeeded).",
    zh: "申请时是否在三包有效期内（自交付、安装完成或最后一次换货之日起算，修理时间不计入）；未签收、无有效期或取决于未注明的故障部件时为 null",
  },
  failedPartNeeded: {
    type: "boolean",
    stage: "line",
    en: "The parts of the line's category have their own 三包 periods that answer differently at reportedAt (a phone in month 8: the unit's year runs, the battery's 6 months do not) and the case does not name the failed part (request.failedPart).",
    zh: "该品类部件有效期不同且结论不同，而申请未注明故障部件",
  },
  priorRepairs: { type: "number", stage: "case", en: "Earlier repairs of the same fault, as request.priorRepairs says (0 when not given); the bundled rules read sameFaultRepairs.", zh: "同一故障已维修次数（request.priorRepairs）" },
  failedPart: { type: "string|null", stage: "line", en: "The part that failed (request.lines[].failedPart, else request.failedPart); null when not given.", zh: "故障部件；未注明为 null" },
  sameFaultRepairs: {
    type: "number",
    stage: "line",
    en: "Repairs of the same fault: the larger of request.priorRepairs and the line's history repairs marked sameFault.",
    zh: "同一故障已修理次数：request.priorRepairs 与该行维修记录中同一故障次数的较大者",
  },
  longestRepairDays: {
    type: "number",
    stage: "line",
    en: "The line's longest repair not waiting for parts (the repairer's own delay), in calendar days from handing in (day 0) to return, or to reportedAt when not back (0 without repairs).",
    zh: "该行最长一次（非等待零配件的）维修天数（送修当日为 0，未修回计至申请时）",
  },
  partsWaitDays: {
    type: "number",
    stage: "line",
    en: "The same, for the longest repair that waited for parts the producer did not supply (partsUnavailable).",
    zh: "因生产者未供应零配件而等待的最长维修天数",
  },
  safetyHazard: { type: "boolean", stage: "case", en: "The fault endangers personal safety.", zh: "存在人身安全隐患" },
  urgentNeed: { type: "boolean", stage: "case", en: "The customer needs the goods urgently (request.urgentNeed).", zh: "顾客急需" },
  keepsGoods: { type: "boolean", stage: "case", en: "The customer keeps the goods.", zh: "顾客保留商品" },
  evidenceProvided: { type: "boolean", stage: "case", en: "Photos, video or an inspection report came with the request.", zh: "已提供凭证" },
  batchComplaintCount: { type: "number", stage: "case", en: "Related complaints in the same batch (0 when not given).", zh: "批量投诉数" },
  customerTier: { type: "string", stage: "case", en: "customer.tier: normal or vip.", zh: "顾客等级" },
  orderValue: { type: "number", stage: "case", en: "order.paidAmount in fen.", zh: "订单实付金额（分）" },
  requestedAmount: {
    type: "number",
    stage: "case",
    en: "Fen paid for the requested units over all requested lines (each line's paid amount, shared by units): what refunding them all returns.",
    zh: "所涉商品（按件分摊的实付金额）合计（分）",
  },
  requestDelivered: { type: "boolean", stage: "case", en: "Every requested line was signed for.", zh: "所涉各行均已签收" },
  wholeOrderRequested: { type: "boolean", stage: "case", en: "The request is about every unit of every order line.", zh: "申请涉及订单全部商品" },
  orderShipped: { type: "boolean", stage: "case", en: "Some part of the order has shipped (a parcel, or the order, has shippedAt or deliveredAt).", zh: "订单已（部分）发货" },
  remedyWanted: {
    type: "string|null",
    stage: "line",
    en: "The remedy asked for on this line (return, exchange, repair, refundOnly, reship): the request line's remedy, else request.type; null for a complaint, inquiry or logistics request.",
    zh: "该行诉求的救济方式；投诉、咨询、物流类为 null",
  },
  lineUnits: { type: "number", stage: "line", en: "Units of the order line.", zh: "该行商品件数" },
  requestedUnits: { type: "number", stage: "line", en: "Units of the line the request is about.", zh: "该行所涉件数" },
  linePaidAmount: { type: "number", stage: "line", en: "Fen paid for the whole line after every discount (given, or allocated from the order).", zh: "该行实付金额（分）" },
  requestedLineAmount: { type: "number", stage: "line", en: "Fen the requested units of the line carry of its paid amount.", zh: "该行所涉件数分摊的实付金额（分）" },
  shippingFee: { type: "number", stage: "case", en: "order.shippingFee in fen (0 when not given).", zh: "运费（分）" },
  abuseSignalCount: {
    type: "number",
    stage: "case",
    en: "How many abuse signals the customer shows: account younger than 30 days, contact moved off the platform, 3+ negative reviews, returns above half of 4+ orders.",
    zh: "疑似滥用信号数：新注册不足 30 天、引导站外联系、差评 3 条以上、4 单以上且退货过半",
  },
  abuseSignals: { type: "string[]", stage: "case", en: "The abuse signals shown.", zh: "疑似滥用信号" },
  daysLate: {
    type: "number|null",
    stage: "case",
    en: "Calendar days, in the policy's zone, from the date of order.promisedDeliveryBy to the date the last requested line was signed for; 0 when on time (or late by hours on the promised day); null when there is no promise or some requested line is not delivered.",
    zh: "逾期送达天数：承诺送达日至所涉商品最后签收日的自然日数（政策时区）；按时为 0；无承诺或尚未签收为 null",
  },
  orderAttributes: {
    type: "object",
    stage: "case",
    en: 'The order\'s attributes the policy declares (policy.json attributes.order), read with a path: { "fact": "orderAttributes", "path": "$.shippingInsurance", … }. Every declared name is present: null when the case does not give it.',
    zh: "订单属性（policy.json 的 attributes.order 声明），用 path 读取，如 $.shippingInsurance；案件未提供的属性为 null",
  },
  customerAttributes: {
    type: "object",
    stage: "case",
    en: 'The customer\'s attributes the policy declares (attributes.customer), read with a path: "$.membershipLevel". null when not given.',
    zh: "顾客属性（attributes.customer 声明），用 path 读取，如 $.membershipLevel；未提供为 null",
  },
  lineAttributes: {
    type: "object",
    stage: "line",
    en: 'The line\'s attributes the policy declares (attributes.line), read with a path: "$.brand". null when not given.',
    zh: "该行商品属性（attributes.line 声明），用 path 读取，如 $.brand；未提供为 null",
  },
  returnAllowed: { type: "boolean", stage: "eligibility", en: "Eligibility allowed a return for some requested line (compensation prices it over those lines: returnAmount, exchangeAmount, refundOnlyAmount).", zh: "至少一个所涉行允许退货" },
  exchangeAllowed: { type: "boolean", stage: "eligibility", en: "Eligibility allowed an exchange for some requested line (compensation prices it over those lines: returnAmount, exchangeAmount, refundOnlyAmount).", zh: "至少一个所涉行允许换货" },
  repairAllowed: { type: "boolean", stage: "eligibility", en: "Eligibility allowed a repair for some requested line (compensation prices it over those lines: returnAmount, exchangeAmount, refundOnlyAmount).", zh: "至少一个所涉行允许维修" },
  refundOnlyAllowed: { type: "boolean", stage: "eligibility", en: "Eligibility allowed a refund without return for some requested line (compensation prices it over those lines: returnAmount, exchangeAmount, refundOnlyAmount).", zh: "至少一个所涉行允许仅退款" },
  reshipAllowed: { type: "boolean", stage: "eligibility", en: "Eligibility allowed a reship for some requested line (compensation prices it over those lines: returnAmount, exchangeAmount, refundOnlyAmount).", zh: "至少一个所涉行允许补发" },
  manualReviewRequired: { type: "boolean", stage: "eligibility", en: "Eligibility routed the case (some line or the case) to manual review.", zh: "资格判定需人工复核" },
} as const satisfies Record<string, FactDoc>;

export type FactName = keyof typeof FACTS;
export const FACT_NAMES = Object.keys(FACTS) as FactName[];

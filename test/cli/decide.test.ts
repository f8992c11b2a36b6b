import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "./run.js";

describe("aftersales decide", () => {
  it("prints the seed earphones decision readably: return allowed, merchant pays shipping", async () => {
    const { code, stdout } = await runCli("decide", "examples/earphones-noise-day3.json", "--now", "2026-03-04T10:05:00+08:00", "--lang", "en");
    expect(code).toBe(0);
    // Signed 03-01 15:20: day 7 is 03-08, the window's end 03-09 00:00 reads as 03-08 24:00.
    expect(stdout).toContain("✔ return allowed (until Mar 8 24:00 (2026-03-09T00:00:00+08:00), return shipping: merchant pays)");
    expect(stdout).toContain("signed for Mar 1 15:20 (2026-03-01T15:20:00+08:00)");
    expect(stdout).not.toMatch(/\u001b\[/); // no colour when not a terminal
  });

  it("shows a deadline as a person reads it in zh-CN, and cash and coupons apart, never summed", async () => {
    const { stdout } = await runCli("decide", "examples/earphones-noise-day3.json", "--now", "2026-03-04T10:05:00+08:00");
    expect(stdout).toContain("✔ 退货 可以 (3月8日 24:00 前 (2026-03-09T00:00:00+08:00), 退货运费: 商家承担)");
    // Refund ¥299.00 and a 10% coupon ¥29.90: not "合计 ¥328.90".
    expect(stdout).toContain("退货退款: 现金 ¥299.00 · 优惠券 ¥29.90");
    expect(stdout).toContain("换货: 现金 ¥0.00 · 优惠券 ¥29.90");
    expect(stdout).not.toContain("328.90");
  });

  it("shows an overdue refund and a category the table does not know (issue 12 §9, §13)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "aftersales-"));
    const file = join(dir, "case.json");
    const { case: c } = JSON.parse(readFileSync("fixtures/099-refund-due-7-days-after-return-received-overdue.json", "utf8"));
    c.order.items[0].category = "Smart Band 7";
    writeFileSync(file, JSON.stringify(c));
    const { code, stdout } = await runCli("decide", file, "--now", "2026-03-18T09:00:00+08:00", "--lang", "en");
    expect(code).toBe(0);
    // Due at 03-18 00:00, i.e. by the end of 03-17 (read as a person reads a deadline).
    expect(stdout).toContain("! refund due until Mar 17 24:00 (2026-03-18T00:00:00+08:00) (returned goods received Mar 10 15:00 (2026-03-10T15:00:00+08:00)): overdue");
    expect(stdout).toContain('! The category table does not know the category "Smart Band 7"');
  });

  it("prints zh-CN by default and JSON with --json", async () => {
    const zh = await runCli("decide", "examples/dress-lost-button.json", "--now", "2026-05-12T21:45:00+08:00");
    expect(zh.stdout).toContain("✔ 退货 可以");
    const json = await runCli("decide", "examples/dress-lost-button.json", "--now", "2026-05-12T21:45:00+08:00", "--json");
    const decision = JSON.parse(json.stdout);
    expect(decision.decidedAt).toBe("2026-05-12T21:45:00+08:00");
    expect(decision.lines[0].eligibility.return.status).toBe("allowed");
    expect(decision.trace.length).toBeGreaterThan(0);
  });

  it("exits 2 with every problem and its path for an invalid case, without a stack trace", async () => {
    const dir = mkdtempSync(join(tmpdir(), "aftersales-"));
    const file = join(dir, "bad.json");
    writeFileSync(file, JSON.stringify({ caseId: "x", reportedAt: "2026-03-01 10:00", order: {}, request: { type: "return" }, customer: {}, extra: 1 }));
    const { code, stderr } = await runCli("decide", file, "--lang", "en");
    expect(code).toBe(2);
    expect(stderr).toContain("reportedAt");
    expect(stderr).toContain("order.orderId");
    expect(stderr).toContain("request.reason");
    expect(stderr).toContain('Unrecognized key: "extra"');
    expect(stderr).not.toContain("    at ");
  });

  it("exits 2 on invalid JSON, a missing file, an unknown command and a bad --now", async () => {
    const dir = mkdtempSync(join(tmpdir(), "aftersales-"));
    writeFileSync(join(dir, "broken.json"), "{ nope");
    expect((await runCli("decide", join(dir, "broken.json"))).code).toBe(2);
    expect((await runCli("decide", join(dir, "missing.json"))).code).toBe(2);
    expect((await runCli("bogus")).code).toBe(2);
    expect((await runCli("decide", "examples/dress-lost-button.json", "--now", "2026-05-12")).code).toBe(2);
  });

  it("decides with a policy folder", async () => {
    const { code, stdout } = await runCli("decide", "examples/dress-lost-button.json", "--policy", "fixtures/policies/merchant-30-day", "--json");
    expect(code).toBe(0);
    expect(JSON.parse(stdout).policy.layers).toEqual(["statutory-cn", "platform", "merchant"]);
  });
});

describe("validation messages", () => {
  it("come in zh-CN by default and in English per call, without touching the host's zod", async () => {
    const { createDecider, CaseValidationError } = await import("../../src/index.js");
    const zh = createDecider().safeDecide({ caseId: 1 });
    expect(!zh.success && (zh.error as InstanceType<typeof CaseValidationError>).issues[0]!.message).toBe("无效输入：期望 string，实际接收 数字");
    const en = createDecider({ lang: "en" }).safeDecide({ caseId: 1 });
    expect(!en.success && (en.error as InstanceType<typeof CaseValidationError>).issues[0]!.message).toBe("Invalid input: expected string, received number");
  });
});

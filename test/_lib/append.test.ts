import { describe, expect, it } from "vitest";
import { append } from "../../src/_lib/append.js";

describe("append", () => {
  it("starts a list at its first value and grows the same list after", () => {
    const first = append<number>(undefined, 1);
    expect(first).toEqual([1]);
    const second = append(first, 2);
    expect(second).toBe(first);
    expect(second).toEqual([1, 2]);
  });
});

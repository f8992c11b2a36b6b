import { describe, expect, it } from "vitest";
import { builtWhenRead } from "../../src/_lib/builtWhenRead.js";

describe("builtWhenRead", () => {
  it("builds the value once, on first read, from each object's own state", () => {
    const built: number[] = [];
    const withTotal = builtWhenRead("total", (xs: number[]) => (built.push(xs.length), xs.reduce((s, x) => s + x, 0)));
    const a = withTotal({ id: "a" }, [1, 2, 3]);
    const b = withTotal({ id: "b" }, [10]);
    expect(built).toEqual([]);
    expect(a.total).toBe(6);
    expect(a.total).toBe(6);
    expect(b.total).toBe(10);
    expect(built).toEqual([3, 1]);
  });

  it("is an ordinary last key to JSON, spreads and Object.keys; its state is not", () => {
    const withTrace = builtWhenRead("trace", (n: number) => [n]);
    const o = withTrace({ a: 1, b: "x" }, 7);
    expect(Object.keys(o)).toEqual(["a", "b", "trace"]);
    expect(JSON.stringify(o)).toBe('{"a":1,"b":"x","trace":[7]}');
    expect({ ...o }).toStrictEqual({ a: 1, b: "x", trace: [7] });
    expect(Reflect.ownKeys(o).filter((k) => typeof k === "symbol").map((k) => Object.getOwnPropertyDescriptor(o, k)?.enumerable)).toEqual([false]);
  });

  it("gives every object the same getter (so V8 can share their hidden class)", () => {
    const lazy = builtWhenRead("v", (s: string) => s.toUpperCase());
    const x = lazy({}, "x");
    const y = lazy({}, "y");
    expect(Object.getOwnPropertyDescriptor(x, "v")!.get).toBe(Object.getOwnPropertyDescriptor(y, "v")!.get);
    expect([x.v, y.v]).toEqual(["X", "Y"]);
  });

  it("retries a build that threw", () => {
    let fail = true;
    const lazy = builtWhenRead("v", () => {
      if (fail) throw new Error("not yet");
      return 1;
    });
    const o = lazy({}, null);
    expect(() => o.v).toThrow("not yet");
    fail = false;
    expect(o.v).toBe(1);
  });
});

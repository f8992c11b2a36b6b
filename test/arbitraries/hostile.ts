import fc from "fast-check";

/** Hostile JSON: prototype keys, NaN-like and huge strings, unsafe and fractional numbers. */
const hostileKey = fc.constantFrom("__proto__", "constructor", "prototype", "toString", "hasOwnProperty", "valueOf", "caseId", "order", "items", "");
const hostileString = fc.oneof(
  fc.constantFrom("NaN", "Infinity", "-Infinity", "1e309", "0x10", "", " ", "2026-03-01T10:00:00", "2026-03-01", "2026-02-30T10:00:00+08:00", "+275760-09-13T00:00:00Z", "9999-12-31T23:59:59+14:00", "2026-03-01T10:00:00+25:00", "\u0000", "𠀀".repeat(300), "__proto__"),
  fc.string({ maxLength: 300, unit: "binary" }),
  fc.nat({ max: 300_000 }).map((n) => "x".repeat(n)),
);
const hostileNumber = fc.oneof(
  fc.constantFrom(2 ** 53, 2 ** 53 + 2, -1, -0, 0.5, 1e308, -1e-308, Number.MAX_VALUE, 100_000_000_001, 1e21),
  fc.double(),
  fc.integer(),
);
const hostileScalar = fc.oneof(hostileString, hostileNumber, fc.boolean(), fc.constant(null));
export const hostileJson: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  v: fc.oneof(
    { depthSize: "small" },
    hostileScalar,
    fc.array(tie("v"), { maxLength: 5 }),
    fc.dictionary(hostileKey, tie("v"), { maxKeys: 4 }),
  ),
})).v;

/** Places in a valid case where a hostile value is put. */
export const CASE_PATHS: readonly (readonly (string | number)[])[] = [
  ["caseId"], ["reportedAt"], ["order", "placedAt"], ["order", "deliveredAt"], ["order", "paidAmount"], ["order", "shippingFee"],
  ["order", "items"], ["order", "items", 0], ["order", "items", 0, "unitPrice"], ["order", "items", 0, "quantity"], ["order", "items", 0, "flags"],
  ["request"], ["request", "lines"], ["order", "parcels"], ["request", "priorRepairs"], ["customer", "tier"], ["customer", "accountCreatedAt"], ["__proto__"], ["order", "__proto__"],
];

/** A JSON copy of `c` with `value` put at `path` (as an own, enumerable key, `__proto__` included). */
export function withValueAt(c: unknown, path: readonly (string | number)[], value: unknown): unknown {
  const copy = JSON.parse(JSON.stringify(c));
  let target: any = copy;
  for (const k of path.slice(0, -1)) target = target[k];
  Object.defineProperty(target, path.at(-1)!, { value, enumerable: true, configurable: true, writable: true });
  return JSON.parse(JSON.stringify(copy));
}

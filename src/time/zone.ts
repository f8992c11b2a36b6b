import { tzOffset } from "@date-fns/tz";

/**
 * A time zone as the library reads it: its UTC offset at any instant. Time is the policy's
 * zone, never the machine's.
 *
 * Zone data comes from @date-fns/tz's `tzOffset` (the runtime's IANA database). Offsets are
 * remembered per 15-minute bucket because they change only at transitions: a `TZDate`
 * operation formats through Intl on every call, which made a decision cost ~300 µs.
 */
export interface Zone {
  readonly name: string;
  /** UTC offset in minutes at an instant (480 for Asia/Shanghai). */
  offsetMinutes(ms: number): number;
}

/**
 * The zone of an IANA name: the same object for the same name on every call, so a decider
 * per request shares one offset table instead of building its own.
 *
 * @example
 * zone("Asia/Shanghai").offsetMinutes(Date.parse("2026-03-01T00:00:00Z")) //=> 480
 * zone("Asia/Shanghai") === zone("Asia/Shanghai") //=> true
 */
export function zone(name: string): Zone {
  let z = zones.get(name);
  if (z === undefined) {
    z = Object.freeze({ name, offsetMinutes: offsetReader(canonicalName(name)) });
    // IANA names are case-insensitive, so spellings are unbounded while zones are not:
    // past the limit a spelling gets a fresh object over the same shared offsets.
    if (zones.size < SPELLING_LIMIT) zones.set(name, z);
  }
  return z;
}

const SPELLING_LIMIT = 1000;

// Registries of immutable data: a Zone never changes, and an offset reader's tables only
// remember what tzOffset answered (see rememberedOffsets). Module-level, so one per process
// (a worker thread has its own, built from the same IANA data).
const zones = new Map<string, Zone>();
const readers = new Map<string, (ms: number) => number>();

/** The runtime's own spelling of a zone ("asia/shanghai" → "Asia/Shanghai"); RangeError if unknown. */
function canonicalName(name: string): string {
  try {
    return new Intl.DateTimeFormat("en-US", { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    throw new RangeError(`Unknown time zone "${name}"`);
  }
}

function offsetReader(canonical: string): (ms: number) => number {
  let read = readers.get(canonical);
  if (read === undefined) {
    read = rememberedOffsets(canonical);
    readers.set(canonical, read);
  }
  return read;
}

const BUCKET = 900_000; // offsets change on 15-minute UTC boundaries (e.g. +05:45 zones at :15)
const CACHE_LIMIT = 100_000;
const RECENT = 65_536; // a power of two; two Float64Arrays, 1 MiB per zone (once per process)

/**
 * `tzOffset` for one zone, remembered per bucket. The tables are a memo of a pure function
 * (bucket → offset): a slot holds either its bucket's true offset or a different bucket, so
 * what one caller writes never changes what another reads, and JavaScript runs each call to
 * the end before the next, so no call sees a half-written slot.
 */
function rememberedOffsets(name: string): (ms: number) => number {
  const cache = new Map<number, number>();
  // In front of the map, a direct-mapped table: a decision reads ~20 offsets and an array
  // probe costs a fraction of a map lookup. 65,536 slots of 15 minutes cover 1.87 years
  // without two buckets sharing a slot, the span a live service's timestamps fall in.
  const recentBuckets = new Float64Array(RECENT).fill(Number.NaN);
  const recentOffsets = new Float64Array(RECENT);
  return (ms) => {
    const bucket = Math.floor(ms / BUCKET);
    const slot = bucket & (RECENT - 1);
    if (recentBuckets[slot] === bucket) return recentOffsets[slot]!;
    let offset = cache.get(bucket);
    if (offset === undefined) {
      offset = tzOffset(name, new Date(bucket * BUCKET));
      if (Number.isNaN(offset)) throw new RangeError(`Unknown time zone "${name}"`);
      if (cache.size >= CACHE_LIMIT) cache.clear();
      cache.set(bucket, offset);
    }
    recentBuckets[slot] = bucket;
    recentOffsets[slot] = offset;
    return offset;
  };
}

import fc from "fast-check";

// Zones with DST, half-hour and 45-minute offsets, southern-hemisphere DST and midnight-free
// transitions; the fast zone arithmetic must agree with date-fns + @date-fns/tz on all.
export const ZONES = ["Asia/Shanghai", "UTC", "America/Los_Angeles", "Europe/London", "Australia/Lord_Howe", "Asia/Kathmandu", "Pacific/Chatham", "America/New_York", "Asia/Kolkata"];

export const arbZoneName = fc.constantFrom(...ZONES);

/** A whole second between 1995 and 2045: the span cases' timestamps fall in, with room. */
export const arbInstant = fc.integer({ min: Date.parse("1995-01-01T00:00:00Z"), max: Date.parse("2045-01-01T00:00:00Z") }).map((ms) => new Date(ms - (ms % 1000)));

/**
 * Offset changes of 2026 in ZONES: US (east and west), EU, Lord Howe and Chatham, spring and
 * autumn. Shanghai, Kolkata and Kathmandu have none. Uniform instants rarely land near one.
 */
export const TRANSITIONS = ["2026-03-08T07:00:00Z", "2026-03-08T10:00:00Z", "2026-11-01T06:00:00Z", "2026-11-01T09:00:00Z", "2026-03-29T01:00:00Z", "2026-10-25T01:00:00Z", "2026-04-04T15:00:00Z", "2026-10-03T15:30:00Z", "2026-04-04T14:00:00Z", "2026-09-26T14:00:00Z"].map(Date.parse);

/** A zone-day number on or next to a day with a transition (in any of ZONES). */
export const arbTransitionDay = fc.tuple(fc.constantFrom(...TRANSITIONS), fc.integer({ min: -1, max: 1 })).map(([ms, d]) => Math.floor(ms / 86_400_000) + d);

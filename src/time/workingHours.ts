/**
 * A business calendar as the time functions read it: the working intervals of each zone-day.
 * Where the intervals come from (a weekly plan, public holidays, 调休 make-up workdays) is
 * the policy format's business; time arithmetic only asks "when is work done on this day".
 */
export interface WorkingHours {
  /**
   * The working intervals of a zone-day (days since 1970-01-01 on the zone's calendar) as
   * wall-clock minutes since 00:00, flat: `[start, end, start, end, …]`, sorted and disjoint,
   * each `0 ≤ start < end ≤ 1440`. Empty on a rest day.
   */
  intervalsOn(zoneDay: number): readonly number[];
}

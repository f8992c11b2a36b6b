// Time in the policy's zone, never the machine's: the names the rest of the library uses.
export { zone, type Zone } from "./zone.js";
export { daysSinceDelivery } from "./daysSinceDelivery.js";
export { dayWindowDeadline } from "./dayWindowDeadline.js";
export { monthWindowDeadline } from "./monthWindowDeadline.js";
export { restDayExtension } from "./restDayExtension.js";
export { plusHours } from "./plusHours.js";
export { plusMinutes } from "./plusMinutes.js";
export { parseInstant } from "./parseInstant.js";
export { formatInZone } from "./formatInZone.js";
export type { WorkingHours } from "./workingHours.js";
export { businessTimeBetween } from "./businessTimeBetween.js";
export { plusBusinessTime } from "./plusBusinessTime.js";
export { dueAfterPauses, countedTimeBetween, type Pause } from "./dueAfterPauses.js";
export { restDayExtendedDeadline } from "./restDayExtendedDeadline.js";
export { daysIntoPeriod } from "./daysIntoPeriod.js";
export { zoneDay } from "./wallClock.js";

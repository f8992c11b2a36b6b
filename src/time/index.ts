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

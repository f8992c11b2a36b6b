import { benchRuleCount } from "./ruleCount.js";
console.log(await benchRuleCount(Number(process.env.T ?? 1000)));

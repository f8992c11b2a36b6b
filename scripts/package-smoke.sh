#!/usr/bin/env bash
# Packs the package and uses it the way consumers do: an ESM project, a CommonJS project,
# TypeScript with moduleResolution node16 and bundler, and the CLI through npx — all from
# the tarball, never from the source tree. Run after `npm run build`.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$root"

tarball="$work/$(npm pack --silent --pack-destination "$work" | tail -n 1)"
echo "packed $(basename "$tarball")"
# The example policies and cases ship (README and docs link to them); tests, sources and the
# compliance fixtures do not.
if tar -tzf "$tarball" | grep -E '^package/(src|test|bench)/|^package/fixtures/[^/]+\.json$'; then
  echo "the tarball holds files consumers do not need" >&2; exit 1
fi
# Public typings are plain data: no zod schema, json-rules-engine, jsonc-parser, dinero.js or
# date-fns type in them (STYLE.md), so consumers never type-check against those packages.
if tar -xzOf "$tarball" package/dist/index.d.ts package/dist/index.d.cts | grep -nE "from ['\"](zod|json-rules-engine|jsonc-parser|dinero\.js|date-fns|@date-fns/tz)(/[^'\"]*)?['\"]|import\(['\"](zod|json-rules-engine|jsonc-parser|dinero\.js|date-fns|@date-fns/tz)"; then
  echo "the public typings refer to a dependency's types (see scripts/plainTypings.ts)" >&2; exit 1
fi
echo "typings plain"

cd "$work" && mkdir consumers && cd consumers
echo '{ "name": "consumers", "private": true }' > package.json
npm install --no-audit --no-fund --prefer-offline --silent "$tarball"
cp "$root/examples/earphones-noise-day3.json" case.json

mkdir esm && echo '{ "type": "module" }' > esm/package.json
cat > esm/index.js <<'JS'
import { readFileSync } from "node:fs";
import { createDecider } from "aftersales-policy";
const d = createDecider({ clock: () => new Date("2026-03-04T10:05:00+08:00") }).decide(JSON.parse(readFileSync("../case.json", "utf8")));
const esmReturn = d.lines[0].eligibility.return;
if (esmReturn.status !== "allowed" || esmReturn.returnShippingPaidBy !== "merchant") throw new Error("ESM: wrong decision");
console.log("esm ok", esmReturn.deadline);
JS
(cd esm && node index.js)

mkdir cjs && echo '{ "type": "commonjs" }' > cjs/package.json
cat > cjs/index.js <<'JS'
const { readFileSync } = require("node:fs");
const { createDecider } = require("aftersales-policy");
const d = createDecider({ clock: () => new Date("2026-03-04T10:05:00+08:00") }).decide(JSON.parse(readFileSync("../case.json", "utf8")));
if (d.lines[0].eligibility.return.status !== "allowed") throw new Error("CJS: wrong decision");
console.log("cjs ok", d.lines[0].eligibility.return.deadline);
JS
(cd cjs && node index.js)

for resolution in node16 bundler; do
  mkdir "ts-$resolution"
  module=$([ "$resolution" = node16 ] && echo node16 || echo esnext)
  cat > "ts-$resolution/tsconfig.json" <<JSON
{ "compilerOptions": { "strict": true, "noEmit": true, "module": "$module", "moduleResolution": "$resolution", "target": "ES2022", "types": [], "skipLibCheck": false } }
JSON
  [ "$resolution" = node16 ] && echo '{ "type": "module" }' > "ts-$resolution/package.json"
  cat > "ts-$resolution/index.ts" <<'TS'
import { createDecider, safeParseCase, type Case, type Decision, type Verdict } from "aftersales-policy";
const decider = createDecider();
const result = decider.safeDecide({});
const verdict: Verdict | undefined = result.success ? result.data.lines[0]?.eligibility.return : undefined;
const tier: Decision["sla"]["tier"] = 1;
const parsed = safeParseCase({}, { lang: "zh-CN" });
const items: Case["order"]["items"] = parsed.success ? parsed.data.order.items : [];
export { verdict, tier, items };
TS
  (cd "ts-$resolution" && "$root/node_modules/.bin/tsc" -p .)
  echo "typescript $resolution ok"
done

npx --no-install aftersales decide case.json --now 2026-03-04T10:05:00+08:00 --lang en | grep -q "✔ return allowed"
npx --no-install aftersales test "$root/fixtures/001-no-reason-day7-last-second.json" > /dev/null
echo "cli ok"

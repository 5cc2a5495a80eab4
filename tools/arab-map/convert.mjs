// One-off converter: world-atlas 2.0.2 (Natural Earth, TopoJSON, ISO numeric ids) → the 22 Arab states as SVG path
// strings in an equirectangular projection over the region, simplified, keyed by ISO alpha-2.
// Regenerate (from this folder):
//   npm install --no-save world-atlas@2.0.2 topojson-client@3.1.0
//   node convert.mjs > ../../src/Enact.Core/CaseStudies/ArabRegionShapes.json
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
const require = createRequire(import.meta.url);
const { feature } = require("topojson-client");
const topology = JSON.parse(readFileSync(require.resolve("world-atlas/countries-50m.json"), "utf8"));

const ids = { "012": "DZ", "048": "BH", "174": "KM", "262": "DJ", "818": "EG", "368": "IQ", "400": "JO", "414": "KW",
  "422": "LB", "434": "LY", "478": "MR", "504": "MA", "512": "OM", "634": "QA", "682": "SA", "706": "SO", "275": "PS",
  "729": "SD", "760": "SY", "788": "TN", "784": "AE", "887": "YE" };
// Box of the region (degrees) and the drawing's width; y grows downwards.
const west = -18, east = 61, north = 38, south = -13, width = 800;
const scale = width / (east - west);
const height = Math.round((north - south) * scale);
const tolerance = 0.35; // px: points closer than this to the simplified line are dropped
const minArea = 1.5;    // px²: smaller rings (islets) are dropped unless they are the country's only ring

const project = ([lon, lat]) => [(lon - west) * scale, (north - lat) * scale];
function dp(points, tol) {
  if (points.length < 3) return points;
  const keep = new Uint8Array(points.length); keep[0] = keep[points.length - 1] = 1;
  const stack = [[0, points.length - 1]];
  while (stack.length) {
    const [a, b] = stack.pop(); let max = 0, idx = -1;
    const [ax, ay] = points[a], [bx, by] = points[b]; const dx = bx - ax, dy = by - ay; const len = Math.hypot(dx, dy) || 1;
    for (let i = a + 1; i < b; i++) {
      const d = len === 1 && dx === 0 && dy === 0 ? Math.hypot(points[i][0] - ax, points[i][1] - ay) : Math.abs(dy * points[i][0] - dx * points[i][1] + bx * ay - by * ax) / len;
      if (d > max) { max = d; idx = i; }
    }
    if (max > tol) { keep[idx] = 1; stack.push([a, idx], [idx, b]); }
  }
  return points.filter((_, i) => keep[i]);
}
const area = (r) => Math.abs(r.reduce((s, [x, y], i) => { const [x2, y2] = r[(i + 1) % r.length]; return s + x * y2 - x2 * y; }, 0) / 2);
const out = {};
for (const f of feature(topology, topology.objects.countries).features) {
  const code = ids[String(f.id).padStart(3, "0")]; if (!code) continue;
  const polys = f.geometry.type === "Polygon" ? [f.geometry.coordinates] : f.geometry.coordinates;
  let rings = polys.flatMap((p) => p.map((r) => dp(r.map(project), tolerance)));
  const big = rings.filter((r) => r.length >= 3 && area(r) >= minArea);
  rings = big.length ? big : [rings.sort((a, b) => area(b) - area(a))[0]];
  out[code] = rings.map((r) => "M" + r.map(([x, y]) => `${x.toFixed(1)} ${y.toFixed(1)}`).join("L").replace(/\.0(?=\D|$)/g, "") + "Z").join("");
}
const missing = Object.values(ids).filter((c) => !out[c]);
if (missing.length) throw new Error("missing " + missing.join(","));
const sorted = Object.fromEntries(Object.keys(out).sort().map((k) => [k, out[k]]));
console.log(JSON.stringify({ source: "world-atlas 2.0.2 countries-50m.json (Natural Earth)", width, height, shapes: sorted }, null, 0));

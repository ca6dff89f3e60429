import { createApp } from '../api/src/http/app.ts';
import { createPool } from '../api/src/store/db.ts';

const pool = createPool('postgresql://postgres@127.0.0.1:5432/city_dev');
const app = createApp({ db: pool, mode: 'external', webDistDir: '/work/main/web/dist' });
async function q(query: string, variables = {}) {
  const t = performance.now();
  const res = await app.request('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = await res.json();
  console.log(res.status, (performance.now() - t).toFixed(1), 'ms', JSON.stringify(body).slice(0, 700));
}
await q(
  `{ areaStats(area: {code: "440304"}) { assets buildings byKind { key count } buildingsBySafetyGrade { key count } selfBuiltBuildings floorAreaM2 devicesTotal devicesOnline deviceOnlineRate } }`,
);
await q(
  `{ assets(first: 2, filter: {kinds: [BUILDING], safetyGrades: [D]}) { totalCount pageInfo { hasNextPage endCursor } edges { node { id code name ... on Building { floors safetyGrade } areaChain { code name level } devices { code online datastreams { metric { key unit } latest { t value } } } } } } }`,
);
await q(
  `{ nearest(point: {type: "Point", coordinates: [114.05, 22.54]}, k: 3) { distanceM asset { __typename code kind } } }`,
);
await q(
  `{ proximity(subjectKinds: [CONSTRUCTION_SITE], targetKinds: [GAS_PIPELINE], withinM: 50, first: 3) { totalCount edges { node { distanceM subject { code } target { code } } } } }`,
);
await q(
  `{ proximity(subjectKinds: [BUILDING], targetKinds: [SLOPE], first: 3) { totalCount edges { node { distanceM subject { code } target { code ... on Slope { hazardBufferM } } } } } }`,
);
await q(
  `{ areas(level: DISTRICT, first: 3) { totalCount edges { cursor node { id code name children { code } } } } }`,
);
await q(`{ area(code: "440304") { name level parent { name } boundary } }`);
await q(
  `{ assets(first: 1, filter: {kinds: [CONSTRUCTION_SITE]}) { edges { node { code devices { id code type series(metric: "pm10", from: "2026-11-01T00:00:00+08:00", to: "2026-11-30T00:00:00+08:00", bucket: AUTO) { bucketSeconds points { t value min max } } } } } } }`,
);
await q(
  `{ areaStats(area: {polygon: {type: "Polygon", coordinates: [[[114.0,22.5],[114.05,22.55],[114.05,22.5],[114.0,22.55],[114.0,22.5]]]}}) { assets } }`,
);
await q(
  `{ areaStats(area: {polygon: {type: "Polygon", coordinates: [[[22.5,114.0],[22.55,114.0],[22.55,114.05],[22.5,114.0]]]}}) { assets } }`,
);
await q(`{ areaStats(area: {code: "440304", bbox: [1,2,3,4]}) { assets } }`);
await q(`{ asset(code: "JZ-000000-0000") { code } }`);
await q(
  `{ areaStats(area: {circle: {center: {type: "Point", coordinates: [114.05, 22.54]}, radiusM: 1000}}) { assets buildings } }`,
);
await q(`{ areaStats(area: {bbox: [114.0, 22.5, 114.05, 22.55]}) { assets buildings } }`);
await pool.end();

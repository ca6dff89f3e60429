// Hostile GeoJSON: seeded polygons near the city, then broken — rings (unclosed, too short, collinear,
// self-crossing), holes (outside, crossing, equal, overlapping, nested, thousands), axis swaps, NaN and
// infinities, 1e308, 25,000 positions, wrong dimensions and types — and sent through every entry point that
// takes an area or a point: GraphQL variables and literals, and the analyst workbench's JSON body.
import { Rng } from '../../city/rng.ts';
import {
  type HostileContext,
  type HttpInput,
  INF,
  json,
  NAN,
  NEG_INF,
  nestedArray,
  RawJson,
  toJson,
} from './types.ts';

type Position = number[];
type Ring = Position[];

/** A geometry, or a broken one, as the generator built it (may contain the symbols above). */
interface GeoCase {
  sub: string;
  label: string;
  value: unknown;
}

const CITY = { west: 113.9, east: 114.3, south: 22.52, north: 22.7 };

function centre(rng: Rng): [number, number] {
  return [rng.range(CITY.west, CITY.east), rng.range(CITY.south, CITY.north)];
}

/** A closed, counter-clockwise, star-ish ring of n distinct positions (n + 1 with the closing one). */
export function ringAround(rng: Rng, c: readonly number[], r: number, n: number): Ring {
  const pts: Ring = [];
  for (let i = 0; i < n; i++) {
    const a = (i / n) * 2 * Math.PI;
    const k = rng.range(0.6, 1);
    pts.push([round(c[0]! + r * k * Math.cos(a)), round(c[1]! + r * k * Math.sin(a))]);
  }
  return [...pts, [...pts[0]!]];
}

const round = (v: number) => Math.round(v * 1e9) / 1e9;

function square(c: readonly number[], r: number): Ring {
  const [x, y] = c as [number, number];
  return [
    [x - r, y - r],
    [x + r, y - r],
    [x + r, y + r],
    [x - r, y + r],
    [x - r, y - r],
  ].map((p) => p.map(round));
}

const polygon = (...rings: Ring[]) => ({ type: 'Polygon', coordinates: rings });
const multi = (...polygons: Ring[][]) => ({ type: 'MultiPolygon', coordinates: polygons });
const point = (p: unknown) => ({ type: 'Point', coordinates: p });
const reversed = (r: Ring) => [...r].reverse();
const mapRing = (r: Ring, f: (p: Position, i: number) => unknown) => r.map(f) as Ring;

function polygonCases(rng: Rng): GeoCase[] {
  const out: GeoCase[] = [];
  const add = (sub: string, label: string, value: unknown) => out.push({ sub, label, value });
  const c = () => centre(rng);
  const r = () => rng.range(0.002, 0.02);

  // Rings.
  const rings: [string, (ring: Ring, cc: number[], rr: number) => unknown][] = [
    ['valid', (ring) => polygon(ring)],
    ['reversed winding', (ring) => polygon(reversed(ring))],
    ['unclosed', (ring) => polygon(ring.slice(0, -1))],
    ['three positions', (ring) => polygon([ring[0]!, ring[1]!, ring[0]!])],
    ['two positions', (ring) => polygon([ring[0]!, ring[0]!])],
    ['one position', (ring) => polygon([ring[0]!])],
    ['empty ring', () => polygon([])],
    ['no rings', () => ({ type: 'Polygon', coordinates: [] })],
    [
      'collinear',
      (_ring, cc, rr) =>
        polygon([
          [cc[0]!, cc[1]!],
          [cc[0]! + rr, cc[1]! + rr],
          [cc[0]! + 2 * rr, cc[1]! + 2 * rr],
          [cc[0]!, cc[1]!],
        ]),
    ],
    ['all one point', (ring) => polygon(ring.map(() => [...ring[0]!]))],
    [
      'repeated positions',
      (ring) => polygon(ring.flatMap((p, i) => (i === ring.length - 1 ? [p] : [p, [...p], [...p]]))),
    ],
    [
      'bow-tie',
      (_ring, cc, rr) =>
        polygon([
          [cc[0]! - rr, cc[1]! - rr],
          [cc[0]! + rr, cc[1]! + rr],
          [cc[0]! + rr, cc[1]! - rr],
          [cc[0]! - rr, cc[1]! + rr],
          [cc[0]! - rr, cc[1]! - rr],
        ]),
    ],
    [
      'spike',
      (ring, cc, rr) => {
        const s = ring.slice(0, -1);
        s.splice(2, 0, [cc[0]! + 3 * rr, cc[1]!], [...s[1]!]);
        return polygon([...s, [...s[0]!]]);
      },
    ],
    ['ring twice', (ring) => polygon([...ring.slice(0, -1), ...ring])],
    [
      'closing position off by 1e-12',
      (ring) => polygon([...ring.slice(0, -1), [ring[0]![0]! + 1e-12, ring[0]![1]!]]),
    ],
  ];
  // Holes.
  const holes: [string, (ring: Ring, cc: number[], rr: number) => unknown][] = [
    ['hole inside', (ring, cc, rr) => polygon(ring, reversed(square(cc, rr / 5)))],
    ['hole outside the shell', (ring, cc, rr) => polygon(ring, square([cc[0]! + 4 * rr, cc[1]!], rr / 5))],
    ['hole far outside the shell', (ring, cc, rr) => polygon(ring, square([cc[0]! + 0.3, cc[1]! + 0.1], rr))],
    ['hole crossing the shell', (ring, cc, rr) => polygon(ring, square([cc[0]! + rr, cc[1]!], rr / 2))],
    ['hole equal to the shell', (ring) => polygon(ring, [...ring])],
    ['hole around the shell', (ring, cc, rr) => polygon(ring, square(cc, 3 * rr))],
    ['shell inside its hole (swapped)', (ring, cc, rr) => polygon(square(cc, rr / 5), ring)],
    [
      'overlapping holes',
      (ring, cc, rr) => polygon(ring, square(cc, rr / 5), square([cc[0]! + rr / 10, cc[1]!], rr / 5)),
    ],
    ['hole in a hole', (ring, cc, rr) => polygon(ring, square(cc, rr / 4), square(cc, rr / 8))],
    [
      'hole touching the shell at a point',
      (_ring, cc, rr) => {
        const shell = square(cc, rr);
        const t = shell[0]!;
        return polygon(shell, [t, [t[0]! + rr / 2, t[1]! + rr / 4], [t[0]! + rr / 4, t[1]! + rr / 2], t]);
      },
    ],
    [
      'hole sharing an edge with the shell',
      (_ring, cc, rr) => {
        const shell = square(cc, rr);
        const [a, b] = [shell[0]!, shell[1]!];
        return polygon(shell, [a, b, [b[0]!, b[1]! + rr / 2], [a[0]!, a[1]! + rr / 2], a]);
      },
    ],
    [
      'hole a rounding error outside the shell',
      (_ring, cc, rr) => {
        const shell = square(cc, rr);
        const x = shell[1]![0]! + 1e-13;
        return polygon(shell, [
          [x, cc[1]!],
          [x - rr / 3, cc[1]! - rr / 3],
          [x - rr / 3, cc[1]! + rr / 3],
          [x, cc[1]!],
        ]);
      },
    ],
    ['unclosed hole', (ring, cc, rr) => polygon(ring, square(cc, rr / 5).slice(0, -1))],
    ['empty hole', (ring) => polygon(ring, [])],
    [
      '1,000 holes',
      (_ring, cc, rr) => {
        const shell = square(cc, rr);
        const hs: Ring[] = [];
        for (let i = 0; i < 1000; i++) {
          const hx = cc[0]! - rr * 0.9 + ((i % 32) + 0.5) * ((1.8 * rr) / 32);
          const hy = cc[1]! - rr * 0.9 + (Math.floor(i / 32) + 0.5) * ((1.8 * rr) / 32);
          hs.push(square([hx, hy], (0.3 * rr) / 32));
        }
        return polygon(shell, ...hs);
      },
    ],
    [
      '1,000 holes all outside',
      (_ring, cc, rr) =>
        polygon(
          square(cc, rr),
          ...Array.from({ length: 1000 }, (_, i) =>
            square([cc[0]! + 2 * rr + i * rr * 0.01, cc[1]!], rr * 0.001),
          ),
        ),
    ],
    [
      'multipolygon: second part with a hole outside',
      (ring, cc, rr) =>
        multi([ring], [square([cc[0]! + 3 * rr, cc[1]!], rr), square([cc[0]! + 9 * rr, cc[1]!], rr / 4)]),
    ],
    ['multipolygon: overlapping parts', (ring, cc, rr) => multi([ring], [square(cc, rr / 2)])],
    ['multipolygon: empty part', (ring) => multi([ring], [])],
    ['multipolygon of a polygon’s rings', (ring) => ({ type: 'MultiPolygon', coordinates: [ring] })],
  ];
  // Swaps, NaN, huge numbers, dimensions.
  const numbers: [string, (ring: Ring) => unknown][] = [
    ['[lat, lon]', (ring) => polygon(mapRing(ring, (p) => [p[1], p[0]]))],
    ['one position [lat, lon]', (ring) => polygon(mapRing(ring, (p, i) => (i === 2 ? [p[1], p[0]] : p)))],
    ['NaN (null in JSON)', (ring) => polygon(mapRing(ring, (p, i) => (i === 1 ? [Number.NaN, p[1]] : p)))],
    ['NaN token', (ring) => polygon(mapRing(ring, (p, i) => (i === 1 ? [NAN, p[1]] : p)))],
    ['"NaN" strings', (ring) => polygon(mapRing(ring, (p, i) => (i === 1 ? ['NaN', 'NaN'] : p)))],
    ['Infinity token', (ring) => polygon(mapRing(ring, (p, i) => (i === 1 ? [INF, p[1]] : p)))],
    ['-Infinity token', (ring) => polygon(mapRing(ring, (p, i) => (i === 1 ? [p[0], NEG_INF] : p)))],
    ['1e308', (ring) => polygon(mapRing(ring, (p, i) => (i === 1 ? [1e308, p[1]] : p)))],
    ['-1e308 everywhere', (ring) => polygon(mapRing(ring, () => [-1e308, -1e308]))],
    [
      'Number.MAX_VALUE',
      (ring) => polygon(mapRing(ring, (p, i) => (i === 1 ? [p[0], Number.MAX_VALUE] : p))),
    ],
    ['5e-324', (ring) => polygon(mapRing(ring, (p, i) => (i === 1 ? [5e-324, p[1]] : p)))],
    ['-0', (ring) => polygon(mapRing(ring, (p, i) => (i === 1 ? [-0, -0] : p)))],
    ['lon 180.0000001', (ring) => polygon(mapRing(ring, (p, i) => (i === 1 ? [180.0000001, p[1]] : p)))],
    ['lat 90.0000001', (ring) => polygon(mapRing(ring, (p, i) => (i === 1 ? [p[0], 90.0000001] : p)))],
    ['scaled by 1e6', (ring) => polygon(mapRing(ring, (p) => [p[0]! * 1e6, p[1]! * 1e6]))],
    [
      'EPSG:3857 metres',
      (ring) => polygon(mapRing(ring, (p) => [p[0]! * 111_319.49, p[1]! * 111_319.49 * 1.07])),
    ],
    ['3D positions', (ring) => polygon(mapRing(ring, (p) => [p[0], p[1], 12.5]))],
    ['4D positions', (ring) => polygon(mapRing(ring, (p) => [p[0], p[1], 1, 2]))],
    ['1D positions', (ring) => polygon(mapRing(ring, (p) => [p[0]]))],
    ['string numbers', (ring) => polygon(mapRing(ring, (p) => [String(p[0]), String(p[1])]))],
    ['boolean coordinates', (ring) => polygon(mapRing(ring, () => [true, false]))],
    ['objects as positions', (ring) => polygon(mapRing(ring, (p) => ({ lon: p[0], lat: p[1] })))],
    ['positions one level too deep', (ring) => ({ type: 'Polygon', coordinates: [[ring]] })],
    ['positions one level too shallow', (ring) => ({ type: 'Polygon', coordinates: ring })],
  ];
  // Types and shapes.
  const shapes: [string, (ring: Ring) => unknown][] = [
    ['Feature', (ring) => ({ type: 'Feature', geometry: polygon(ring), properties: {} })],
    [
      'FeatureCollection',
      (ring) => ({ type: 'FeatureCollection', features: [{ type: 'Feature', geometry: polygon(ring) }] }),
    ],
    ['GeometryCollection', (ring) => ({ type: 'GeometryCollection', geometries: [polygon(ring)] })],
    ['LineString', (ring) => ({ type: 'LineString', coordinates: ring })],
    ['MultiPoint', (ring) => ({ type: 'MultiPoint', coordinates: ring })],
    ['Point for an area', (ring) => point(ring[0])],
    ['lower-case type', (ring) => ({ type: 'polygon', coordinates: [ring] })],
    ['type is a number', (ring) => ({ type: 7, coordinates: [ring] })],
    ['no type', (ring) => ({ coordinates: [ring] })],
    ['no coordinates', () => ({ type: 'Polygon' })],
    ['coordinates null', () => ({ type: 'Polygon', coordinates: null })],
    ['coordinates an object', (ring) => ({ type: 'Polygon', coordinates: { 0: ring } })],
    ['coordinates a string', (ring) => ({ type: 'Polygon', coordinates: JSON.stringify([ring]) })],
    ['with crs', (ring) => ({ ...polygon(ring), crs: { type: 'name', properties: { name: 'EPSG:3857' } } })],
    ['with bbox member', (ring) => ({ ...polygon(ring), bbox: [0, 0, 1, 1] })],
    [
      '__proto__ member',
      (ring) =>
        JSON.parse(`{"__proto__": {"type": "Point"}, "type": "Polygon", "coordinates": ${json([ring])}}`),
    ],
    ['an array of a polygon', (ring) => [polygon(ring)]],
    ['a WKT string', () => 'POLYGON((114 22.5, 114.1 22.5, 114.1 22.6, 114 22.5))'],
    ['a number', () => 42],
    ['an empty object', () => ({})],
  ];

  for (const [label, f] of rings) add('rings', label, f(ringAround(rng, c(), r(), rng.int(4, 40)), c(), r()));
  for (const [label, f] of holes) {
    const cc = c();
    const rr = r();
    add('holes', label, f(ringAround(rng, cc, rr, rng.int(8, 40)), cc, rr));
  }
  for (const [label, f] of numbers) add('numbers', label, f(ringAround(rng, c(), r(), rng.int(5, 30))));
  for (const [label, f] of shapes) add('shapes', label, f(ringAround(rng, c(), r(), rng.int(5, 12))));

  // Size: 25,000 positions and neighbours of the 20,000 limit; areas far larger than the city.
  const big = (n: number) => ringAround(rng, c(), 0.05, n);
  add('size', '25,000 positions', polygon(big(25_000)));
  add('size', '20,001 positions (limit + 1)', polygon(big(20_000)));
  add('size', '19,999 positions', polygon(big(19_998)));
  add('size', '2 × 12,500 positions', multi([big(12_500)], [big(12_500)]));
  add(
    'size',
    'shell and hole of 12,500 positions',
    polygon(big(12_500), reversed(ringAround(rng, c(), 0.001, 12_500))),
  );
  add('size', '2,000 parts', multi(...Array.from({ length: 2000 }, () => [ringAround(rng, c(), 0.001, 5)])));
  add(
    'size',
    '20,000 parts of one position',
    multi(...Array.from({ length: 20_000 }, () => [[[114, 22.5]]])),
  );
  add(
    'size',
    'the whole world',
    polygon([
      [-180, -90],
      [180, -90],
      [180, 90],
      [-180, 90],
      [-180, -90],
    ]),
  );
  add(
    'size',
    'across the antimeridian',
    polygon([
      [179, 22],
      [-179, 22],
      [-179, 23],
      [179, 23],
      [179, 22],
    ]),
  );
  add(
    'size',
    'around a pole',
    polygon([
      [0, 89],
      [120, 89],
      [-120, 89],
      [0, 89],
    ]),
  );
  add('size', 'a nanometre square', polygon(square(c(), 1e-11)));
  add('size', 'Guangdong-sized', polygon(square([113.5, 23], 2)));
  add('size', 'half in the city, half at sea', polygon(square([114.6, 22.45], 0.1)));
  add('size', 'in Beijing', polygon(square([116.4, 39.9], 0.01)));
  add(
    'size',
    'zig-zag 19,000 positions with a hole',
    (() => {
      const cc = c();
      const top: Ring = [];
      for (let i = 0; i < 9_000; i++)
        top.push([round(cc[0]! - 0.05 + (0.1 * i) / 9_000), round(cc[1]! + (i % 2 ? 0.02 : 0.019))]);
      const shell = [
        [cc[0]! - 0.05, cc[1]! - 0.02],
        [cc[0]! + 0.05, cc[1]! - 0.02],
        ...top.reverse(),
        [cc[0]! - 0.05, cc[1]! - 0.02],
      ];
      const hole: Ring = [];
      for (let i = 0; i < 9_000; i++)
        hole.push([round(cc[0]! - 0.04 + (0.08 * i) / 9_000), round(cc[1]! + (i % 2 ? 0.001 : 0))]);
      hole.push([cc[0]! + 0.04, cc[1]! - 0.01], [cc[0]! - 0.04, cc[1]! - 0.01], [...hole[0]!]);
      return polygon(shell, hole);
    })(),
  );
  for (const depth of [100, 1000, 5000, 20_000]) {
    add('nesting', `coordinates ${depth} arrays deep`, { type: 'Polygon', coordinates: nestedArray(depth) });
  }

  // Seeded combinations: a random ring broken in one or two random ways.
  const all = [...rings, ...holes, ...numbers];
  while (out.length < 330) {
    const [l1, f1] = rng.pick(all);
    const cc = c();
    const rr = r();
    const base = ringAround(rng, cc, rr, rng.int(4, 200));
    let value = f1(base, cc, rr) as { type?: string; coordinates?: unknown };
    let label = l1;
    if (rng.chance(0.35) && value && typeof value === 'object' && Array.isArray(value.coordinates)) {
      const [l2, f2] = rng.pick(numbers);
      const first = (value.coordinates as unknown[])[0];
      if (
        Array.isArray(first) &&
        first.length > 3 &&
        Array.isArray(first[0]) &&
        typeof first[0][0] === 'number'
      ) {
        const broken = f2(first as Ring) as { coordinates: unknown[] };
        value = {
          ...value,
          coordinates: [broken.coordinates[0], ...(value.coordinates as unknown[]).slice(1)],
        };
        label = `${l1} + ${l2}`;
      }
    }
    add('random', label, value);
  }
  return out;
}

function pointCases(rng: Rng): GeoCase[] {
  const out: GeoCase[] = [];
  const add = (sub: string, label: string, value: unknown) => out.push({ sub, label, value });
  const fixed: [string, unknown][] = [
    ['valid', point(centre(rng))],
    ['[lat, lon]', point([...centre(rng)].reverse())],
    ['NaN token', point([NAN, 22.5])],
    ['Infinity token', point([114, INF])],
    ['null', point([null, null])],
    ['"NaN"', point(['NaN', 22.5])],
    ['1e308', point([1e308, 22.5])],
    ['-1e308', point([114.05, -1e308])],
    ['5e-324', point([5e-324, 5e-324])],
    ['3D', point([114.05, 22.54, 100])],
    ['4D', point([114.05, 22.54, 1, 2])],
    ['1D', point([114.05])],
    ['empty', point([])],
    ['a ring for a point', point(ringAround(rng, centre(rng), 0.01, 5))],
    ['string', point('114.05,22.54')],
    ['object', point({ lon: 114.05, lat: 22.54 })],
    ['MultiPoint', { type: 'MultiPoint', coordinates: [centre(rng)] }],
    ['Feature', { type: 'Feature', geometry: point(centre(rng)) }],
    ['Polygon for a point', polygon(square(centre(rng), 0.01))],
    ['no coordinates', { type: 'Point' }],
    ['lower-case', { type: 'point', coordinates: centre(rng) }],
    ['at sea', point([114.62, 22.4])],
    ['in Beijing', point([116.4, 39.9])],
    ['the pole', point([0, 90])],
    ['deep array', point(nestedArray(5000, 114))],
  ];
  for (const [label, v] of fixed) add('points', label, v);
  const lons = [NAN, INF, 1e308, -181, 181, 0, -0, 114.05, 22.54, 113.9, 5e-324, 'x', null, true];
  const lats = [NAN, NEG_INF, -1e308, 91, -91, 0, 22.54, 114.05, 22.6, 1e-300, '22.5', null, false];
  while (out.length < 60) add('points', 'random position', point([rng.pick(lons), rng.pick(lats)]));
  return out;
}

function bboxCases(rng: Rng): GeoCase[] {
  const out: GeoCase[] = [];
  const fixed: [string, unknown][] = [
    ['valid', [114.0, 22.5, 114.05, 22.55]],
    ['swapped axes', [22.5, 114.0, 22.55, 114.05]],
    ['min > max', [114.05, 22.55, 114.0, 22.5]],
    ['zero width', [114.0, 22.5, 114.0, 22.55]],
    ['three numbers', [114, 22.5, 114.1]],
    ['five numbers', [114, 22.5, 114.1, 22.6, 1]],
    ['six numbers (3D)', [114, 22.5, 0, 114.1, 22.6, 10]],
    ['empty', []],
    ['NaN token', [NAN, 22.5, 114.1, 22.6]],
    ['Infinity token', [114, 22.5, INF, 22.6]],
    ['1e308', [-1e308, -1e308, 1e308, 1e308]],
    ['the whole world', [-180, -90, 180, 90]],
    [
      'nested',
      [
        [114, 22.5],
        [114.1, 22.6],
      ],
    ],
    ['10,000 numbers', Array.from({ length: 10_000 }, (_, i) => 114 + i * 1e-6)],
  ];
  for (const [label, v] of fixed) out.push({ sub: 'bbox', label, value: v });
  const vals = [NAN, INF, 1e308, -1e308, 181, -91, 114, 22.5, 114.1, 22.6, 0, 5e-324];
  while (out.length < 40) {
    out.push({ sub: 'bbox', label: 'random bbox', value: Array.from({ length: 4 }, () => rng.pick(vals)) });
  }
  return out;
}

const jsonWithTokens = (value: unknown) => toJson(value, true);

/** A GraphQL literal of a value: NaN as an enum-like name, infinities as 1e999 (a valid Float token). */
export function graphqlLiteral(value: unknown): string {
  if (value instanceof RawJson) return value.text;
  if (value === NAN) return 'NaN';
  if (value === INF) return '1e999';
  if (value === NEG_INF) return '-1e999';
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'NaN';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map(graphqlLiteral).join(', ')}]`;
  const fields = Object.entries(value as Record<string, unknown>).filter(([k]) =>
    /^[_A-Za-z][_0-9A-Za-z]*$/.test(k),
  );
  return `{${fields.map(([k, v]) => `${k}: ${graphqlLiteral(v)}`).join(', ')}}`;
}

const gqlBody = (query: string, variables?: unknown) =>
  variables === undefined ? json({ query }) : jsonWithTokens({ query, variables });

export function generateGeoJsonInputs(ctx: HostileContext): HttpInput[] {
  const rng = new Rng(ctx.seed, 'hostile/geojson');
  const out: HttpInput[] = [];
  const post = (sub: string, label: string, path: string, body: string) =>
    out.push({
      kind: 'http',
      family: 'geojson',
      sub,
      label,
      method: 'POST',
      path,
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body,
      as: 'analyst',
    });
  const areaQueries: [string, string][] = [
    ['areaStats', 'query($a: AreaInput!) { areaStats(area: $a) { assets buildings } }'],
    [
      'assets',
      'query($a: AreaInput!) { assets(filter: { area: $a }, first: 2) { totalCount edges { node { code } } } }',
    ],
    ['alerts', 'query($a: AreaInput!) { alerts(filter: { area: $a }, first: 2) { totalCount } }'],
    [
      'alertDensity',
      'query($a: AreaInput!) { alertDensity(area: $a, from: "2026-01-01T00:00:00Z", to: "2026-01-08T00:00:00Z") { count } }',
    ],
    [
      'caseKpis',
      'query($a: AreaInput!) { caseKpis(area: $a, from: "2026-01-01T00:00:00Z", to: "2026-02-01T00:00:00Z") { due } }',
    ],
  ];
  // Each polygon through one variable-borne entry point and, half the time, a second way (a GraphQL literal
  // or the workbench's JSON body); NaN and infinities can only travel as tokens, which JSON refuses.
  for (const g of polygonCases(rng)) {
    const [name, q] = rng.pick(areaQueries);
    post(g.sub, `${g.label} → ${name}(polygon)`, '/graphql', gqlBody(q, { a: { polygon: g.value } }));
    const way = rng.int(0, 3);
    if (way === 0) {
      post(
        g.sub,
        `${g.label} → areaStats(polygon literal)`,
        '/graphql',
        json({ query: `{ areaStats(area: { polygon: ${graphqlLiteral(g.value)} }) { assets } }` }),
      );
    } else if (way === 1) {
      post(
        g.sub,
        `${g.label} → POST /api/analysis/assets`,
        '/api/analysis/assets',
        jsonWithTokens({ area: { polygon: g.value }, format: 'json' }),
      );
    }
  }
  const pointQueries: [string, (p: unknown) => unknown, string][] = [
    ['nearest', (p) => ({ p }), 'query($p: GeoJSON!) { nearest(point: $p, k: 3) { distanceM } }'],
    [
      'areaStats(circle)',
      (p) => ({ a: { circle: { center: p, radiusM: 500 } } }),
      'query($a: AreaInput!) { areaStats(area: $a) { assets } }',
    ],
    [
      'assets(circle)',
      (p) => ({ a: { circle: { center: p, radiusM: 200 } } }),
      'query($a: AreaInput!) { assets(filter: { area: $a }, first: 1) { totalCount } }',
    ],
  ];
  for (const g of pointCases(rng)) {
    const [name, vars, q] = rng.pick(pointQueries);
    post(g.sub, `${g.label} → ${name}`, '/graphql', gqlBody(q, vars(g.value)));
    post(
      g.sub,
      `${g.label} → nearest(literal)`,
      '/graphql',
      json({ query: `{ nearest(point: ${graphqlLiteral(g.value)}) { distanceM } }` }),
    );
  }
  const radii = [0, -1, 5e-324, 1e308, 50_000, 50_001, NAN, INF, 'x', null, 0.5, 49_999.999];
  for (let i = 0; i < 24; i++) {
    const r = rng.pick(radii);
    post(
      'circle',
      `radius ${String(typeof r === 'symbol' ? r.description : r)}`,
      '/graphql',
      gqlBody('query($a: AreaInput!) { areaStats(area: $a) { assets } }', {
        a: { circle: { center: point(centre(rng)), radiusM: r } },
      }),
    );
  }
  for (const g of bboxCases(rng)) {
    post(
      g.sub,
      `${g.label} → areaStats(bbox)`,
      '/graphql',
      gqlBody(areaQueries[0]![1], { a: { bbox: g.value } }),
    );
    if (rng.chance(0.5)) {
      post(
        g.sub,
        `${g.label} → POST /api/analysis/assets`,
        '/api/analysis/assets',
        jsonWithTokens({ area: { bbox: g.value } }),
      );
    }
  }
  // Two members at once, and an AreaInput of the wrong shape.
  const ring = ringAround(rng, centre(rng), 0.01, 8);
  for (const [label, a] of [
    ['polygon and bbox', { polygon: polygon(ring), bbox: [114, 22.5, 114.1, 22.6] }],
    ['polygon and code', { polygon: polygon(ring), code: '440304' }],
    [
      'circle and bbox',
      { circle: { center: point([114.05, 22.54]), radiusM: 10 }, bbox: [114, 22.5, 114.1, 22.6] },
    ],
    [
      'all four',
      {
        polygon: polygon(ring),
        code: '440304',
        bbox: [114, 22.5, 114.1, 22.6],
        circle: { center: point([114.05, 22.54]), radiusM: 10 },
      },
    ],
    ['none', {}],
  ] as const) {
    post('area input', label, '/graphql', gqlBody(areaQueries[0]![1], { a }));
  }
  return out;
}

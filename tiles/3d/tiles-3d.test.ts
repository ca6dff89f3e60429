// The buildings tileset's pure parts: the tree a building lands in, the extruded mesh (roofs with holes,
// walls facing out), the glb with its feature ids and property table read back, and tileset.json.
import { describe, expect, it } from 'vitest';
import { enuFrame, toEnu } from './enu.ts';
import { extrude, type Footprint } from './extrude.ts';
import { type BuildingProperties, readGlb, writeGlb } from './glb-writer.ts';
import { bandLevel, cellBounds, cellOf, EXTENT, LEAF_LEVEL, tileOf } from './tile-grid.ts';
import { buildTilesetJson, inScope, type TileRecord } from './tileset-json.ts';

const square = (lon: number, lat: number, d: number): number[][] => [
  [lon, lat],
  [lon + d, lat],
  [lon + d, lat + d],
  [lon, lat + d],
  [lon, lat],
];

describe('tile grid', () => {
  it('puts tall buildings near the root and low-rise in the leaves', () => {
    expect(bandLevel(300)).toBe(3);
    expect(bandLevel(150)).toBe(3);
    expect(bandLevel(149.9)).toBe(4);
    expect(bandLevel(45)).toBe(5);
    expect(bandLevel(20)).toBe(6);
    expect(bandLevel(9)).toBe(LEAF_LEVEL);
  });
  it('finds the cell of a point and the cell contains it', () => {
    for (const [lon, lat] of [
      [114.05, 22.54],
      [113.9, 22.5],
      [114.5, 22.6],
    ] as const) {
      for (let level = 0; level <= LEAF_LEVEL; level++) {
        const { x, y } = cellOf(level, lon, lat);
        const [w, s, e, n] = cellBounds(level, x, y);
        expect(lon >= w && lon < e && lat >= s && lat < n).toBe(true);
      }
    }
  });
  it('clamps points outside the extent to the edge cells', () => {
    expect(cellOf(7, EXTENT[0] - 1, EXTENT[1] - 1)).toEqual({ x: 0, y: 0 });
    expect(cellOf(7, EXTENT[2] + 1, EXTENT[3] + 1)).toEqual({ x: 127, y: 127 });
  });
  it('keys a tile by street, band level and cell', () => {
    expect(tileOf('440304001', 114.05, 22.54, 12)).toMatchObject({
      streetCode: '440304001',
      level: LEAF_LEVEL,
    });
  });
});

describe('extrusion', () => {
  const frame = enuFrame(114.05, 22.54);
  const d = 0.0002; // ≈ 20 m

  it('makes a roof and four walls for a box, 30 m high', () => {
    const mesh = extrude(frame, [{ footprint: [[square(114.05, 22.54, d)]], heightM: 30 }]);
    // roof 4 vertices, walls 4 × 4
    expect(mesh.vertexCount).toBe(20);
    expect(mesh.indices.length).toBe(3 * (2 + 8));
    // glTF y is up: the roof is at 30 m (a little lower away from the frame origin, by the earth's curve).
    expect(mesh.max[1]).toBeGreaterThan(29.9);
    expect(mesh.max[1]).toBeLessThan(30.1);
    expect([...mesh.featureIds].every((f) => f === 0)).toBe(true);
  });

  it('winds every triangle counter-clockwise seen from where its normal points', () => {
    const holed: Footprint = [
      [square(114.05, 22.54, d), square(114.05 + d / 4, 22.54 + d / 4, d / 2).reverse()],
      // the second polygon clockwise: orientation must not matter
      [square(114.06, 22.55, d).reverse()],
    ];
    const mesh = extrude(frame, [{ footprint: holed, heightM: 12 }]);
    const p = mesh.positions;
    const n = mesh.normals;
    for (let t = 0; t < mesh.indices.length; t += 3) {
      const [a, b, c] = [mesh.indices[t]!, mesh.indices[t + 1]!, mesh.indices[t + 2]!];
      const ab = [0, 1, 2].map((k) => p[3 * b + k]! - p[3 * a + k]!);
      const ac = [0, 1, 2].map((k) => p[3 * c + k]! - p[3 * a + k]!);
      const cross = [
        ab[1]! * ac[2]! - ab[2]! * ac[1]!,
        ab[2]! * ac[0]! - ab[0]! * ac[2]!,
        ab[0]! * ac[1]! - ab[1]! * ac[0]!,
      ];
      const dot = cross[0]! * n[3 * a]! + cross[1]! * n[3 * a + 1]! + cross[2]! * n[3 * a + 2]!;
      expect(dot).toBeGreaterThan(0);
    }
  });

  it('points wall normals away from the building, also around a courtyard', () => {
    const outer = square(114.05, 22.54, d);
    const hole = square(114.05 + d / 4, 22.54 + d / 4, d / 2);
    const mesh = extrude(frame, [{ footprint: [[outer, hole]], heightM: 10 }]);
    const centre = toEnu(frame, 114.05 + d / 2, 22.54 + d / 2, 0);
    let outward = 0;
    let inward = 0;
    for (let v = 0; v < mesh.vertexCount; v++) {
      const ny = mesh.normals[3 * v + 1]!;
      if (Math.abs(ny) > 0.5) continue; // roof
      // glTF (x, y, z) = (east, up, −north)
      const e = mesh.positions[3 * v]! - centre[0];
      const nth = -mesh.positions[3 * v + 2]! - centre[1];
      const dot = e * mesh.normals[3 * v]! + nth * -mesh.normals[3 * v + 2]!;
      const r = Math.hypot(e, nth);
      if (r > 8) {
        expect(dot).toBeGreaterThan(0); // outer walls face out
        outward++;
      } else {
        expect(dot).toBeLessThan(0); // courtyard walls face the courtyard's centre
        inward++;
      }
    }
    expect(outward).toBe(16);
    expect(inward).toBe(16);
    // The roof leaves the courtyard open: its triangles cover the ring's area only (≈ 20² − 10² m²).
    let roof = 0;
    for (let t = 0; t < mesh.indices.length; t += 3) {
      const [a, b, c] = [mesh.indices[t]!, mesh.indices[t + 1]!, mesh.indices[t + 2]!];
      if (Math.abs(mesh.normals[3 * a + 1]!) < 0.5) continue;
      const [ax, az, bx, bz, cx, cz] = [
        mesh.positions[3 * a]!,
        mesh.positions[3 * a + 2]!,
        mesh.positions[3 * b]!,
        mesh.positions[3 * b + 2]!,
        mesh.positions[3 * c]!,
        mesh.positions[3 * c + 2]!,
      ];
      roof += Math.abs((bx - ax) * (cz - az) - (cx - ax) * (bz - az)) / 2;
    }
    const east = toEnu(frame, 114.05 + d, 22.54, 0)[0] - toEnu(frame, 114.05, 22.54, 0)[0];
    const north = toEnu(frame, 114.05, 22.54 + d, 0)[1] - toEnu(frame, 114.05, 22.54, 0)[1];
    expect(roof).toBeCloseTo(east * north * 0.75, 0);
  });

  it('skips degenerate rings and repeated points', () => {
    const mesh = extrude(frame, [
      {
        footprint: [
          [
            [
              [114.05, 22.54],
              [114.05, 22.54],
              [114.0502, 22.54],
              [114.0502, 22.5402],
              [114.05, 22.54],
            ],
          ],
          [
            [
              [114.05, 22.54],
              [114.05, 22.54],
            ],
          ],
        ],
        heightM: 5,
      },
    ]);
    expect(mesh.vertexCount).toBe(3 + 3 * 4);
  });
});

describe('glb', () => {
  const buildings: BuildingProperties[] = [
    {
      assetId: 7,
      code: 'BD-440304-000007',
      heightM: 30,
      floors: 10,
      safetyGrade: 'A',
      selfBuilt: false,
      use: 'residential',
    },
    {
      assetId: 9,
      code: 'BD-440304-000009',
      heightM: 99.5,
      floors: 30,
      safetyGrade: 'D',
      selfBuilt: true,
      use: '办公',
    },
  ];
  const frame = enuFrame(114.05, 22.54);
  const mesh = extrude(frame, [
    { footprint: [[square(114.05, 22.54, 0.0002)]], heightM: 30 },
    { footprint: [[square(114.051, 22.541, 0.0002)]], heightM: 99.5 },
  ]);
  const glb = writeGlb(mesh, buildings);

  it('is a valid glb with 4-byte aligned chunks', () => {
    expect(glb.toString('ascii', 0, 4)).toBe('glTF');
    expect(glb.readUInt32LE(8)).toBe(glb.byteLength);
    expect(glb.readUInt32LE(12) % 4).toBe(0);
  });

  it('gives each vertex its building’s feature id, and the property table reads back', () => {
    const { json, bin } = readGlb(glb);
    type View = { byteOffset: number; byteLength: number };
    const views = json.bufferViews as View[];
    const accessors = json.accessors as { bufferView: number; count: number }[];
    const view = (i: number) =>
      bin.subarray(views[i]!.byteOffset, views[i]!.byteOffset + views[i]!.byteLength);
    for (const v of views) expect(v.byteOffset % 8).toBe(0);

    const ids = new Float32Array(new Uint8Array(view(accessors[2]!.bufferView)).buffer);
    expect(ids.length).toBe(40);
    expect([...ids.slice(0, 20)].every((f) => f === 0)).toBe(true);
    expect([...ids.slice(20)].every((f) => f === 1)).toBe(true);

    const meta = (json.extensions as { EXT_structural_metadata: { propertyTables: Record<string, never>[] } })
      .EXT_structural_metadata;
    const table = meta.propertyTables[0] as unknown as {
      count: number;
      properties: Record<string, { values: number; stringOffsets?: number }>;
    };
    expect(table.count).toBe(2);
    const strings = (name: string) => {
      const p = table.properties[name]!;
      const offsets = new Uint32Array(new Uint8Array(view(p.stringOffsets!)).buffer);
      const data = view(p.values);
      return [0, 1].map((i) => data.subarray(offsets[i]!, offsets[i + 1]!).toString('utf8'));
    };
    expect(strings('code')).toEqual(['BD-440304-000007', 'BD-440304-000009']);
    expect(strings('safetyGrade')).toEqual(['A', 'D']);
    expect(strings('use')).toEqual(['residential', '办公']);
    expect(view(table.properties.selfBuilt!.values)[0]).toBe(0b10);
    expect([...new Float32Array(new Uint8Array(view(table.properties.heightM!.values)).buffer)]).toEqual([
      30, 99.5,
    ]);
    expect([...new Uint32Array(new Uint8Array(view(table.properties.assetId!.values)).buffer)]).toEqual([
      7, 9,
    ]);
    const primitive = (json.meshes as { primitives: { extensions: unknown }[] }[])[0]!.primitives[0]!;
    expect(primitive.extensions).toEqual({
      EXT_mesh_features: { featureIds: [{ featureCount: 2, attribute: 0, propertyTable: 0 }] },
    });
  });
});

describe('tileset.json', () => {
  const rec = (
    streetCode: string,
    districtCode: string,
    level: number,
    lon: number,
    lat: number,
    h: number,
  ) => {
    const { x, y } = cellOf(level, lon, lat);
    return {
      streetCode,
      districtCode,
      level,
      x,
      y,
      bounds: [lon, lat, lon + 0.001, lat + 0.001],
      maxHeightM: h,
      sourceHash: `hash${streetCode}${level}${x}${y}`.padEnd(20, '0'),
    } satisfies TileRecord;
  };
  const records = [
    rec('440304001', '440304', 3, 114.05, 22.54, 200),
    rec('440304001', '440304', 7, 114.051, 22.541, 15),
    rec('440304002', '440304', 7, 114.07, 22.55, 12),
    rec('440305001', '440305', 5, 113.93, 22.52, 60),
  ];
  type T = {
    geometricError: number;
    refine?: string;
    transform?: number[];
    content?: { uri: string };
    children?: T[];
    boundingVolume: { region: number[] };
  };
  const all = (t: T): T[] => [t, ...(t.children ?? []).flatMap(all)];

  it('groups by district and street, and every tile appears once', () => {
    const ts = buildTilesetJson(records, null) as { asset: { version: string }; root: T };
    expect(ts.asset.version).toBe('1.1');
    expect(ts.root.children!.length).toBe(2);
    const uris = all(ts.root).flatMap((t) => (t.content ? [t.content.uri] : []));
    expect(uris.length).toBe(4);
    expect(new Set(uris).size).toBe(4);
    expect(uris.every((u) => /^t\/\d+\/\d+\/\d+\/\d+\.glb\?v=\w{16}$/.test(u))).toBe(true);
  });

  it('gives a tile the height of the tallest building it leaves out as its error', () => {
    const ts = buildTilesetJson(records, null) as { root: T };
    const tall = all(ts.root).find((t) => t.content?.uri.startsWith('t/440304001/3/'))!;
    expect(tall.geometricError).toBe(15); // the low-rise tile below it
    expect(tall.refine).toBe('ADD');
    const leaf = all(ts.root).find((t) => t.content?.uri.startsWith('t/440304001/7/'))!;
    expect(leaf.geometricError).toBe(0);
    // Region heights cover the buildings.
    expect(tall.boundingVolume.region[5]).toBe(200);
  });

  it('makes a nested tile’s transform relative to its content-bearing ancestor', () => {
    const ts = buildTilesetJson(records, null) as { root: T };
    const leaf = all(ts.root).find((t) => t.content?.uri.startsWith('t/440304001/7/'))!;
    // Relative to a frame about 150 m away: a small translation, not an earth-centred one.
    const [tx, ty, tz] = leaf.transform!.slice(12, 15);
    expect(Math.hypot(tx!, ty!, tz!)).toBeLessThan(1000);
    const top = all(ts.root).find((t) => t.content?.uri.startsWith('t/440305001/5/'))!;
    expect(Math.hypot(...top.transform!.slice(12, 15))).toBeGreaterThan(6_000_000);
  });

  it('cuts the tree to a district or a street', () => {
    const uris = (scope: string | null) =>
      all((buildTilesetJson(records, scope) as { root: T }).root).flatMap((t) =>
        t.content ? [t.content.uri] : [],
      );
    expect(uris('440305').length).toBe(1);
    expect(uris('440304').length).toBe(3);
    expect(uris('440304002')).toEqual([expect.stringMatching(/^t\/440304002\//)]);
    expect(inScope('440304', { districtCode: '440305', streetCode: '440305001' })).toBe(false);
  });
});

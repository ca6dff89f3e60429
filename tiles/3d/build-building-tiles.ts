// Builds the buildings tileset from PostGIS, incrementally: buildings are grouped into their tiles, each
// tile's digest is compared with the stored one, and only new or changed tiles are extruded, encoded and
// written (tiles left empty are dropped), all in one transaction. One builder at a time (advisory lock).
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type pg from 'pg';
import {
  type BuiltTile,
  deleteTiles,
  type FeatureRow,
  findStoredTiles,
  findTileFeatures,
  findTileMembers,
  type MemberRow,
  saveTiles,
  saveTileset,
} from './building-tiles.repo.ts';
import { extrude, type Footprint } from './extrude.ts';
import { type BuildingProperties, writeGlb } from './glb-writer.ts';
import { type Bounds, tileKeyString, tileOf } from './tile-grid.ts';
import { type TileRecord, tileFrame } from './tileset-json.ts';

/** Arbitrary but fixed: the key of the builders' advisory lock. */
const BUILD_LOCK = 7_315_003;
/** Buildings read and encoded per round trip (bounds memory on the large preset). */
const BATCH_BUILDINGS = 25_000;

export interface BuildReport {
  /** false when another process was building at the time. */
  ran: boolean;
  buildings: number;
  tiles: number;
  rebuilt: number;
  removed: number;
  bytes: number;
  ms: number;
  version: string;
}

interface Planned {
  record: Omit<TileRecord, 'bounds' | 'maxHeightM'>;
  ids: number[];
}

/** Groups buildings into tiles with a digest of each tile's buildings (ordered by id). */
export function planTiles(members: readonly MemberRow[]): Map<string, Planned> {
  const byTile = new Map<string, { planned: Planned; digests: string[] }>();
  const sorted = [...members].sort((a, b) => a.id - b.id);
  for (const m of sorted) {
    const key = tileOf(m.street_code, m.lon, m.lat, m.height_m);
    const k = tileKeyString(key);
    let entry = byTile.get(k);
    if (!entry) {
      entry = {
        planned: { record: { ...key, districtCode: m.district_code, sourceHash: '' }, ids: [] },
        digests: [],
      };
      byTile.set(k, entry);
    }
    entry.planned.ids.push(m.id);
    entry.digests.push(`${m.id}:${m.digest}`);
  }
  const out = new Map<string, Planned>();
  for (const [k, { planned, digests }] of byTile) {
    planned.record.sourceHash = createHash('md5').update(digests.join(',')).digest('hex');
    out.set(k, planned);
  }
  return out;
}

function footprintOf(geojson: string): Footprint {
  const g = JSON.parse(geojson) as { type: string; coordinates: unknown };
  if (g.type === 'Polygon') return [g.coordinates as number[][][]];
  if (g.type === 'MultiPolygon') return g.coordinates as Footprint;
  throw new Error(`a building footprint is a ${g.type}, not a polygon`);
}

function boundsOf(footprints: readonly Footprint[]): Bounds {
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const f of footprints)
    for (const poly of f)
      for (const ring of poly)
        for (const [lon, lat] of ring) {
          if (lon! < w) w = lon!;
          if (lon! > e) e = lon!;
          if (lat! < s) s = lat!;
          if (lat! > n) n = lat!;
        }
  return [w, s, e, n];
}

/** Extrudes and encodes one tile. */
export function encodeTile(record: Planned['record'], rows: readonly FeatureRow[]): BuiltTile {
  const footprints = rows.map((r) => footprintOf(r.footprint));
  const bounds = boundsOf(footprints);
  const mesh = extrude(
    tileFrame(bounds),
    rows.map((r, i) => ({ footprint: footprints[i]!, heightM: r.height_m })),
  );
  const properties: BuildingProperties[] = rows.map((r) => ({
    assetId: r.id,
    code: r.code,
    heightM: r.height_m,
    floors: r.floors,
    safetyGrade: r.safety_grade,
    selfBuilt: r.self_built,
    use: r.use,
  }));
  return {
    ...record,
    bounds,
    maxHeightM: Math.max(...rows.map((r) => r.height_m)),
    buildings: rows.length,
    content: gzipSync(writeGlb(mesh, properties), { level: 4 }),
  };
}

export async function buildBuildingTiles(
  pool: pg.Pool,
  options: { log?: (line: string) => void } = {},
): Promise<BuildReport> {
  const started = performance.now();
  const log = options.log ?? (() => undefined);
  const client = await pool.connect();
  try {
    const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [
      BUILD_LOCK,
    ]);
    if (!rows[0]!.locked) {
      return { ran: false, buildings: 0, tiles: 0, rebuilt: 0, removed: 0, bytes: 0, ms: 0, version: '' };
    }
    try {
      // One snapshot for reading and writing: the digests match the footprints that are encoded.
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
      const members = await findTileMembers(client);
      const planned = planTiles(members);
      const stored = new Map((await findStoredTiles(client)).map((t) => [tileKeyString(t), t]));
      const changed = [...planned.entries()].filter(
        ([k, p]) => stored.get(k)?.sourceHash !== p.record.sourceHash,
      );
      const removed = [...stored.entries()].filter(([k]) => !planned.has(k)).map(([, t]) => t);

      let bytes = 0;
      // Batches of whole tiles, about BATCH_BUILDINGS buildings each.
      for (let i = 0; i < changed.length; ) {
        const batch: Planned[] = [];
        let n = 0;
        while (i < changed.length && (n === 0 || n + changed[i]![1].ids.length <= BATCH_BUILDINGS)) {
          batch.push(changed[i]![1]);
          n += changed[i]![1].ids.length;
          i++;
        }
        const features = await findTileFeatures(
          client,
          batch.flatMap((p) => p.ids),
        );
        const byId = new Map(features.map((f) => [f.id, f]));
        const built = batch.map((p) =>
          encodeTile(
            p.record,
            p.ids.map((id) => byId.get(id)).filter((f) => f !== undefined),
          ),
        );
        for (const t of built) bytes += t.content.byteLength;
        await saveTiles(client, built);
      }
      await deleteTiles(client, removed);
      const version = createHash('md5')
        .update(
          [...planned.keys()]
            .sort()
            .map((k) => `${k}=${planned.get(k)!.record.sourceHash}`)
            .join(','),
        )
        .digest('hex')
        .slice(0, 16);
      await saveTileset(client, version, members.length, planned.size);
      await client.query('COMMIT');
      const report = {
        ran: true,
        buildings: members.length,
        tiles: planned.size,
        rebuilt: changed.length,
        removed: removed.length,
        bytes,
        ms: Math.round(performance.now() - started),
        version,
      };
      log(
        `buildings tileset ${version}: ${report.rebuilt} of ${report.tiles} tiles rebuilt, ${report.removed} removed, ` +
          `${(bytes / 1e6).toFixed(1)} MB in ${report.ms} ms`,
      );
      return report;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [BUILD_LOCK]);
    }
  } finally {
    client.release();
  }
}

// Writes a generated city into PostGIS in bulk (unnest batches, one transaction), replacing any previous one.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import { loadSql, type SqlStatement } from '../../api/src/store/sql-file.ts';
import { StoreError } from '../../api/src/store/store-error.ts';
import type { City } from './generate.ts';
import { historyReadings, lastSeenMs } from './readings.ts';
import type { Asset } from './types.ts';

const SQL_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'sql');
const sql = (name: string) => loadSql(SQL_DIR, name);
const BATCH = 20_000;

export interface LoadReport {
  rows: Record<string, number>;
  ms: Record<string, number>;
}

type Client = pg.PoolClient;

async function batched<T>(
  client: Client,
  statement: SqlStatement,
  items: readonly T[],
  columns: (item: T) => unknown[],
): Promise<void> {
  // Build the next batch while the database works on the previous one.
  let pending: Promise<unknown> | null = null;
  for (let i = 0; i < items.length; i += BATCH) {
    const chunk = items.slice(i, i + BATCH);
    const width = columns(chunk[0]!).length;
    const arrays: unknown[][] = Array.from({ length: width }, () => []);
    for (const item of chunk) {
      columns(item).forEach((v, k) => {
        arrays[k]!.push(v);
      });
    }
    if (pending) await pending;
    pending = client.query({ ...statement, values: arrays });
  }
  await pending;
}

const byKind = <K extends Asset['kind']>(assets: readonly Asset[], kind: K) =>
  assets.filter((a): a is Extract<Asset, { kind: K }> => a.kind === kind);

export interface LoadOptions {
  /**
   * CLUSTER assets on their GiST index after the load. Worth it on PostgreSQL at city scale; skipped on the
   * embedded database, where it costs seconds of the first start and gains nothing at demo scale.
   */
  cluster?: boolean;
}

export async function loadCity(
  pool: pg.Pool,
  city: City,
  onProgress: (line: string) => void = () => {},
  options: LoadOptions = {},
): Promise<LoadReport> {
  const report: LoadReport = { rows: {}, ms: {} };
  const step = async (label: string, work: () => Promise<number>) => {
    const t = performance.now();
    const rows = await work();
    report.rows[label] = rows;
    report.ms[label] = Math.round(performance.now() - t);
    onProgress(
      `  ${label}: ${rows.toLocaleString('en-US')} rows in ${(report.ms[label]! / 1000).toFixed(1)} s`,
    );
  };
  const history = historyReadings(city);
  const { startMs, endMs } = history;
  const client = await pool.connect();
  let phase = 'starting the load';
  try {
    await client.query('BEGIN');
    // Room to aggregate and index a city's readings in memory (the defaults spill to disk; the embedded
    // database's PostgreSQL keeps its small defaults).
    await client.query("SET LOCAL work_mem = '256MB'");
    await client.query("SET LOCAL maintenance_work_mem = '512MB'");
    phase = 'emptying the previous city';
    await client.query(sql('reset_city').text);
    phase = 'creating reading partitions';
    await client.query('SELECT ensure_readings_partitions($1::date, $2::date)', [
      new Date(startMs - 86_400_000).toISOString().slice(0, 10),
      new Date(endMs + 8 * 86_400_000).toISOString().slice(0, 10),
    ]);

    phase = 'loading areas';
    await step('areas', async () => {
      const levels = ['city', 'district', 'street', 'community', 'grid'] as const;
      for (const level of levels) {
        await batched(
          client,
          sql('insert_areas'),
          city.areas.filter((a) => a.level === level),
          (a) => [a.code, a.name, a.nameEn, a.level, a.parentCode, a.synthetic, JSON.stringify(a.geometry)],
        );
      }
      return city.areas.length;
    });

    phase = 'loading responsible units';
    await step('responsible_units', async () => {
      await batched(client, sql('insert_units'), city.units, (u) => [
        u.id,
        u.code,
        u.name,
        u.kind,
        u.areaCode,
        u.phone,
      ]);
      return city.units.length;
    });

    phase = 'placing patrol officers';
    await step(
      'patrol_officers',
      async () => (await client.query(sql('insert_patrol_officers').text)).rowCount ?? 0,
    );

    phase = 'loading assets';
    await step('assets', async () => {
      await batched(client, sql('insert_assets'), city.assets, (a) => [
        a.id,
        a.kind,
        a.code,
        a.name,
        JSON.stringify(a.geometry),
        a.districtCode,
        a.streetCode,
        a.communityCode,
        a.gridCode,
        a.unitCode,
      ]);
      return city.assets.length;
    });

    phase = 'loading buildings';
    await step('buildings', async () => {
      await batched(client, sql('insert_buildings'), city.buildings, (b) => [
        b.id,
        b.floors,
        b.heightM,
        b.use,
        b.structure,
        b.yearBuilt,
        b.selfBuilt,
        b.safetyGrade,
        b.footprintM2,
        b.floorAreaM2,
        b.lastInspectedOn,
        JSON.stringify(b.hazards),
      ]);
      return city.buildings.length;
    });

    phase = 'loading construction sites';
    await step('construction_sites', async () => {
      const sites = byKind(city.assets, 'construction_site');
      await batched(client, sql('insert_sites'), sites, (s) => [
        s.id,
        s.projectName,
        s.builder,
        s.contractor,
        s.supervisor,
        s.monitor,
        s.stage,
        JSON.stringify(s.dangerousWorks),
        s.pitDepthM,
        s.pitOutline ? JSON.stringify(s.pitOutline) : null,
        s.startedOn,
        s.plannedCompletion,
      ]);
      return sites.length;
    });

    phase = 'loading slopes';
    await step('slopes', async () => {
      const slopes = byKind(city.assets, 'slope');
      await batched(client, sql('insert_slopes'), slopes, (s) => [
        s.id,
        s.riskGrade,
        s.slopeType,
        s.heightM,
        s.gradientDeg,
        s.hazardBufferM,
        s.protection,
      ]);
      return slopes.length;
    });

    phase = 'loading street lamps';
    await step('street_lamps', async () => {
      const lamps = byKind(city.assets, 'street_lamp');
      await batched(client, sql('insert_lamps'), lamps, (l) => [
        l.id,
        l.circuitCode,
        l.cabinetCode,
        l.roadName,
        l.roadClass,
        l.lampType,
        l.powerW,
        l.poleHeightM,
        l.status,
      ]);
      return lamps.length;
    });

    phase = 'loading waterlogging points';
    await step('waterlogging_points', async () => {
      const points = byKind(city.assets, 'waterlogging_point');
      await batched(client, sql('insert_waterlogging'), points, (w) => [
        w.id,
        w.roadName,
        w.blueCm,
        w.yellowCm,
        w.orangeCm,
        w.redCm,
        w.historyMaxCm,
      ]);
      return points.length;
    });

    phase = 'loading gas pipelines';
    await step('gas_pipelines', async () => {
      const pipes = byKind(city.assets, 'gas_pipeline');
      await batched(client, sql('insert_pipelines'), pipes, (p) => [
        p.id,
        p.pressureClass,
        p.diameterMm,
        p.material,
        p.operator,
        p.buriedDepthM,
        p.builtYear,
        p.lengthM,
      ]);
      return pipes.length;
    });

    phase = 'loading devices';
    await step('devices', async () => {
      await batched(client, sql('insert_devices'), city.devices, (d) => [
        d.id,
        d.code,
        d.type,
        d.assetId,
        d.name,
        d.location.coordinates[0],
        d.location.coordinates[1],
        d.vendor,
        d.installedOn,
        lastSeenMs(d, startMs, endMs) / 1000,
      ]);
      return city.devices.length;
    });

    phase = 'loading readings and their rollups';
    await step('readings (with 5-minute and hourly rollups)', async () => {
      const insert = sql('insert_readings');
      let rows = 0;
      let pending: Promise<unknown> | null = null;
      for (const batch of history.batches) {
        if (pending) await pending;
        pending = client.query({
          ...insert,
          values: [batch.deviceIds, batch.metricIds, batch.ts, batch.values],
        });
        rows += batch.values.length;
      }
      await pending;
      return rows;
    });

    phase = 'committing';
    await client.query('COMMIT');
    phase = 'clustering and analysing';
    const t = performance.now();
    for (const statement of sql('finish_load')
      .text.split(/;\s*\n/)
      .filter((s) => s.replace(/--.*\n/g, '').trim())
      .filter((s) => options.cluster !== false || !/^\s*CLUSTER\b/m.test(s.replace(/--.*\n/g, '')))) {
      await client.query(statement);
    }
    report.ms.finish = Math.round(performance.now() - t);
    onProgress(
      `  ${options.cluster === false ? 'analyse' : 'cluster + analyse'}: ${(report.ms.finish / 1000).toFixed(1)} s`,
    );
    return report;
  } catch (cause) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw new StoreError(`seeding the city (${phase})`, { cause });
  } finally {
    client.release();
  }
}

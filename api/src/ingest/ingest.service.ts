// One path for every reading, whatever carried it (HTTP, GraphQL, MQTT): check each item, then store the
// valid ones, their rollups, the rule evaluation and the dead letters in one transaction. The caller
// acknowledges (HTTP 2xx, MQTT PUBACK) only after this resolves, i.e. after the commit, by when the alert
// events the batch caused are published.
import type pg from 'pg';
import type { AccessScope } from '../access/scope.ts';
import { evaluateReadings, type NewReading } from '../alerts/alert-engine.ts';
import type { IngestConfig } from '../config.ts';
import type { EventPublisher } from '../live/event-publisher.ts';
import { withTransaction } from '../store/db.ts';
import {
  findDeviceTypeMetrics,
  findIngestDevices,
  insertReadings,
  insertRejects,
  lockDevices,
} from '../store/ingest.repo.ts';
import {
  type CheckContext,
  type CheckedReading,
  checkItem,
  type IngestDevice,
  isCode,
  isRejection,
  microsIso,
  type Rejection,
  type RejectReason,
} from './reading-items.ts';

export type IngestSource = 'http' | 'mqtt' | 'graphql';

export interface IngestResult {
  received: number;
  stored: number;
  /** Already stored (same device, metric and time): accepted, not stored again. */
  duplicates: number;
  /** Stored, but older than a reading already judged, so rules did not judge them. */
  late: number;
  rejected: Omit<Rejection, 'item'>[];
  /** Alert events the batch caused. */
  alertEvents: number;
}

export interface IngestRequest {
  items: readonly unknown[];
  source: IngestSource;
  /** Who sent it, as the dead-letter table names them. */
  actor: string;
  scope: AccessScope;
  /** Rejections found before the items were parsed (e.g. malformed NDJSON lines). */
  malformed?: readonly Rejection[];
}

const MAX_KEPT_ITEM = 2048;

function keptItem(item: unknown): string {
  let text: string;
  try {
    text = typeof item === 'string' ? item : (JSON.stringify(item) ?? String(item));
  } catch {
    text = String(item);
  }
  return text.replaceAll('\u0000', '').slice(0, MAX_KEPT_ITEM);
}

export class IngestService {
  private readonly devices = new Map<string, IngestDevice>();
  private metrics: Map<string, number> | null = null;

  constructor(
    private readonly pool: pg.Pool,
    private readonly config: IngestConfig,
    private readonly events: EventPublisher,
  ) {}

  get maxItems(): number {
    return this.config.maxItems;
  }

  private async metricIds(): Promise<Map<string, number>> {
    if (!this.metrics) {
      const rows = await findDeviceTypeMetrics(this.pool);
      this.metrics = new Map(rows.map((r) => [`${r.device_type}/${r.key}`, r.id]));
    }
    return this.metrics;
  }

  /** Devices are cached by code once seen; unknown codes are looked up once per batch. */
  private async resolveDevices(codes: readonly string[]): Promise<void> {
    const missing = [...new Set(codes)].filter((c) => !this.devices.has(c)).slice(0, 50_000);
    if (missing.length === 0) return;
    for (const device of await findIngestDevices(this.pool, missing)) this.devices.set(device.code, device);
  }

  /** Keeps items that were refused before they became readings (dead letters). */
  deadLetters(
    source: IngestSource,
    actor: string,
    letters: readonly { reason: RejectReason; message: string; item: string }[],
  ): Promise<void> {
    return insertRejects(this.pool, source, actor, letters);
  }

  async ingest(request: IngestRequest): Promise<IngestResult> {
    const { items, scope } = request;
    const codes = items.flatMap((i) => {
      const device = i && typeof i === 'object' ? (i as { device?: unknown }).device : undefined;
      return isCode(device) ? [device] : [];
    });
    await this.resolveDevices(codes);
    const metrics = await this.metricIds();
    const ctx: CheckContext = {
      nowMs: Date.now(),
      maxFutureMs: this.config.maxFutureSeconds * 1000,
      retentionMs: this.config.retentionDays * 86_400_000,
      device: (code) => this.devices.get(code),
      metricId: (type, key) => metrics.get(`${type}/${key}`),
      mayWrite: (d) => scope === null || d.districtCode === scope.code || d.streetCode === scope.code,
    };
    const skipped = new Set((request.malformed ?? []).map((m) => m.index));
    const rejections: Rejection[] = [...(request.malformed ?? [])];
    const valid: CheckedReading[] = [];
    const seen = new Set<string>();
    let duplicates = 0;
    items.forEach((item, index) => {
      if (skipped.has(index)) return;
      const checked = checkItem(index, item, ctx);
      if (isRejection(checked)) return rejections.push(checked);
      const key = `${checked.device.id}/${checked.metricId}/${checked.tsMicros}`;
      if (seen.has(key)) duplicates++;
      else {
        seen.add(key);
        valid.push(checked);
      }
    });
    rejections.sort((a, b) => a.index - b.index);
    const dead = rejections.map((r) => ({ reason: r.reason, message: r.message, item: keptItem(r.item) }));

    let stored = 0;
    let late = 0;
    let eventIds: number[] = [];
    if (valid.length === 0) {
      await insertRejects(this.pool, request.source, request.actor, dead);
    } else {
      ({ stored, late, eventIds } = await withTransaction(this.pool, async (tx) => {
        await lockDevices(tx, [...new Set(valid.map((v) => v.device.id))]);
        const rows = await insertReadings(tx, {
          deviceIds: valid.map((v) => v.device.id),
          metricIds: valid.map((v) => v.metricId),
          ts: valid.map((v) => microsIso(v.tsMicros)),
          values: valid.map((v) => v.value),
        });
        const byKey = new Map(valid.map((v) => [`${v.device.id}/${v.metricId}/${v.tsMicros}`, v]));
        const fresh: NewReading[] = rows.map((r) => {
          const v = byKey.get(`${r.device_id}/${r.metric_id}/${r.ts_us}`)!;
          return { device: v.device, metricId: v.metricId, metric: v.metric, ts: v.ts, value: v.value };
        });
        const evaluation = await evaluateReadings(tx, fresh);
        await insertRejects(tx, request.source, request.actor, dead);
        return { stored: rows.length, late: evaluation.late, eventIds: evaluation.eventIds };
      }));
      duplicates += valid.length - stored;
    }
    this.events.alertEvents(eventIds);
    return {
      received: items.length,
      stored,
      duplicates,
      late,
      rejected: rejections.map(({ index, reason, message }) => ({ index, reason, message })),
      alertEvents: eventIds.length,
    };
  }
}

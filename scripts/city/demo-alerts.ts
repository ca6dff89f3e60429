// The demo city's alert history: its generated readings of the whole history window replayed, device by
// device in time order, through the real alert engine (rules, rule states, fire/change/clear), so alerts
// start and clear on the days their readings crossed a threshold, not all on the day `npm start` ran.
// Only for the demo (`npm start` on an empty database); tests seed the bare city and raise their own alerts.
import type pg from 'pg';
import { evaluateReadings, type NewReading } from '../../api/src/alerts/alert-engine.ts';
import { withTransaction } from '../../api/src/store/db.ts';
import { findDeviceTypeMetrics, findIngestDevices } from '../../api/src/store/ingest.repo.ts';
import type { City } from './generate.ts';
import { historyReadings } from './readings.ts';

export async function seedDemoAlertHistory(pool: pg.Pool, city: City): Promise<number> {
  const devices = new Map(
    (
      await findIngestDevices(
        pool,
        city.devices.map((d) => d.code),
      )
    ).map((d) => [d.id, d]),
  );
  const metricKeys = new Map((await findDeviceTypeMetrics(pool)).map((m) => [m.id, m.key]));
  let events = 0;
  // Batches hold whole devices (generateReadings is device-major), so each device's history is judged in order.
  for (const batch of historyReadings(city).batches) {
    const readings: NewReading[] = [];
    for (let i = 0; i < batch.values.length; i++) {
      const device = devices.get(batch.deviceIds[i]!);
      const metric = metricKeys.get(batch.metricIds[i]!);
      if (!device || !metric) continue;
      readings.push({
        device,
        metricId: batch.metricIds[i]!,
        metric,
        ts: batch.ts[i]! * 1000,
        value: batch.values[i]!,
      });
    }
    const { eventIds } = await withTransaction(pool, (tx) =>
      evaluateReadings(tx, readings, { recordAtReadingTime: true }),
    );
    events += eventIds.length;
  }
  return events;
}

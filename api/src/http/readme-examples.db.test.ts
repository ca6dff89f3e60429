// The README's ingest examples work as written on the demo city: the curl body is accepted and stored, and
// the MQTT payload names metrics its device has.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { graphqlClient } from '../../../scripts/test/graphql-client.ts';
import { testDatabaseUrl } from '../../../scripts/test/test-database.ts';
import { ROOT_DIR } from '../config.ts';
import { createPool } from '../store/db.ts';

const pool = createPool(testDatabaseUrl(), { max: 2 });
afterAll(() => pool.end());

const readme = fs.readFileSync(path.join(ROOT_DIR, 'README.md'), 'utf8');
/** The shell's `'$NOW'` and `'$(date -Iseconds)'` splices, as the shell would fill them in. */
const now = (text: string) => text.replaceAll(/'\$NOW'|'\$\(date -Iseconds\)'/g, new Date().toISOString());

describe('the README ingest examples', () => {
  it('the curl example is stored, not refused', async () => {
    const body = /curl -s localhost:8080\/ingest [^\n]*-d '(\[[\s\S]*?\])'\n/.exec(readme)?.[1];
    expect(body).toBeDefined();
    const sender = graphqlClient(pool, { role: 'api_client', log: () => undefined });
    const res = await sender.request('/ingest', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: now(body!),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ received: 1, stored: 1, rejected: [] });
  });

  it('the MQTT example names its device’s metrics', async () => {
    const [, device, payload] = /mosquitto_pub [^\n]*-t city\/devices\/(\S+) -m '(.*)'\n/.exec(readme) ?? [];
    const metrics = Object.keys(JSON.parse(now(payload!)).values);
    const { rows } = await pool.query<{ key: string }>(
      `SELECT m.key FROM devices d JOIN device_type_metrics dm ON dm.device_type = d.type
       JOIN metrics m ON m.id = dm.metric_id WHERE d.code = $1`,
      [device],
    );
    expect(metrics.length).toBeGreaterThan(0);
    for (const m of metrics) expect(rows.map((r) => r.key)).toContain(m);
  });
});

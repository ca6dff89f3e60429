// npm run seed -- --preset demo|large [--seed N]: builds the synthetic city into the database, replacing it.
import { parseArgs } from 'node:util';
import { installDefaultRules } from '../api/src/alerts/default-rules.ts';
import { loadConfig, parsePreset, parseSeed } from '../api/src/config.ts';
import { runCli, StartupError } from '../api/src/startup-error.ts';
import { migrate } from '../api/src/store/migrate.ts';
import { seedCity } from './city/seed-city.ts';
import { openDatabase } from './database.ts';

await runCli(async () => {
  let values: { preset?: string; seed?: string };
  try {
    ({ values } = parseArgs({ options: { preset: { type: 'string' }, seed: { type: 'string' } } }));
  } catch (cause) {
    throw new StartupError((cause as Error).message, 'usage: npm run seed -- --preset demo|large [--seed N]');
  }
  const preset = parsePreset(values.preset ?? 'demo');
  const seed = parseSeed(values.seed ?? '1');
  const config = loadConfig();
  const db = await openDatabase(config);
  try {
    await migrate(db.pool, config.migrationsDir);
    await installDefaultRules(db.pool);
    console.log(`seeding the ${preset} city into the ${db.mode} database…`);
    const t = performance.now();
    await seedCity(db.pool, preset, seed, (line) => console.log(line), {
      cluster: db.mode !== 'embedded',
    });
    console.log(`done in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  } finally {
    await db.close();
  }
});

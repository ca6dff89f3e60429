// npm start: database (DATABASE_URL or embedded), migrations and the alert rule pack, demo city if empty, web
// build if stale, then the server (api/src/main.ts: API, tiles and web on one port, MQTT) and the simulator.
import net from 'node:net';
import { installDefaultRules } from '../api/src/alerts/default-rules.ts';
import { type Config, loadConfig } from '../api/src/config.ts';
import { startServer } from '../api/src/main.ts';
import { runCli, StartupError } from '../api/src/startup-error.ts';
import { countUsers } from '../api/src/store/accounts.repo.ts';
import { countAreas } from '../api/src/store/areas.repo.ts';
import { migrate } from '../api/src/store/migrate.ts';
import { demoLoginLines, ensureDemoUsers } from './access/demo-users.ts';
import { seedDemoAlertHistory } from './city/demo-alerts.ts';
import { seedDemoCases } from './city/demo-cases.ts';
import { seedCity } from './city/seed-city.ts';
import { openDatabase } from './database.ts';
import { startSimulator } from './simulator/simulator.ts';
import { ensureWebBuild } from './web-build.ts';

const log = (line: string) => console.log(line);

function assertPortFree(config: Config): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'EADDRINUSE'
          ? new StartupError(
              `port ${config.port} on ${config.host} is already in use`,
              'stop what uses it or set PORT to a free port',
            )
          : new StartupError(
              `cannot listen on ${config.host}:${config.port} (${error.code})`,
              'set HOST and PORT',
            ),
      );
    });
    probe.listen(config.port, config.host, () => probe.close(() => resolve()));
  });
}

await runCli(async () => {
  const config = loadConfig();
  await assertPortFree(config);
  log(
    config.databaseUrl
      ? 'using the PostgreSQL in DATABASE_URL'
      : `starting the embedded PostGIS in ${config.dataDir}…`,
  );
  const db = await openDatabase(config);
  const applied = await migrate(db.pool, config.migrationsDir);
  if (applied.length) log(`applied migrations: ${applied.join(', ')}`);
  // The default alert rule pack ships with the schema; codes already present (maybe edited) are kept.
  await installDefaultRules(db.pool);

  let seededDemo = false;
  if ((await countAreas(db.pool)) === 0) {
    log(
      `the database is empty: seeding the ${config.startPreset} city (synthetic, inside real district boundaries)…`,
    );
    const { city } = await seedCity(db.pool, config.startPreset, config.seed, log, {
      cluster: db.mode !== 'embedded',
    });
    seededDemo = config.startPreset === 'demo';
    if (seededDemo) {
      const t = performance.now();
      const events = await seedDemoAlertHistory(db.pool, city);
      log(
        `  alert history: ${events} alert events over the ${city.spec.historyDays} days of readings in ${((performance.now() - t) / 1000).toFixed(1)} s`,
      );
    }
  }
  // Demo accounts come with the demo city only, never into a database that already had data.
  if (seededDemo) {
    const created = await ensureDemoUsers(db.pool);
    if (created) log(`created ${created} demo accounts with a published password (npm run user -- list)`);
    const cases = await seedDemoCases(db.pool, config.cases, config.seed);
    log(`filed ${cases} demo cases of the last three weeks through the case workflow`);
  }
  const signInHelp = await demoLoginLines(db.pool);
  if (signInHelp.length === 0 && (await countUsers(db.pool)) === 0) {
    signInHelp.push('  no accounts yet: npm run user -- add <name> --role admin (prints a password)');
  }
  await ensureWebBuild(config.rootDir, log);

  const server = await startServer({
    config,
    database: db,
    log,
    startAlongside: async (simulatorUrl) =>
      config.ingest.simulate
        ? startSimulator({
            db: db.apiPool,
            mqttUrl: simulatorUrl,
            prefix: config.ingest.mqttTopicPrefix,
            rate: config.ingest.simulateRate,
            log,
          })
        : null,
  });
  for (const line of signInHelp) log(line);
  log('  accounts and API tokens: npm run user -- list, npm run token -- --role analyst [--area 440304]');

  const stop = async () => {
    await server.stop();
    await db.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
});

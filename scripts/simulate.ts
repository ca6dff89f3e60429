// npm run simulate: publishes simulated device readings over MQTT to MQTT_URL (default: the broker of a
// running `npm start`, with the credential it notes for its simulator; else mqtt://127.0.0.1:MQTT_PORT) until
// stopped. SIMULATE_RATE sets readings per second. Another broker needs an all-devices credential in MQTT_URL.
import { loadConfig } from '../api/src/config.ts';
import { printableMqttUrl } from '../api/src/ingest/mqtt-auth.ts';
import { findRunningBroker, MQTT_DEFAULT_PORT } from '../api/src/ingest/mqtt-broker.ts';
import { runCli, StartupError } from '../api/src/startup-error.ts';
import { openDatabase } from './database.ts';
import { startSimulator } from './simulator/simulator.ts';

await runCli(async () => {
  const config = loadConfig();
  const db = await openDatabase(config);
  // The note of a running `npm start` carries its broker's URL with the simulator's credential in it.
  const noted = findRunningBroker(config.dataDir);
  const notedPort = noted ? Number(new URL(noted).port) : null;
  const mqttUrl =
    config.ingest.mqttUrl ??
    (noted && (config.ingest.mqttPort === null || notedPort === config.ingest.mqttPort) ? noted : null) ??
    `mqtt://127.0.0.1:${config.ingest.mqttPort ?? MQTT_DEFAULT_PORT}`;
  let simulator: Awaited<ReturnType<typeof startSimulator>>;
  try {
    simulator = await startSimulator({
      db: db.pool,
      mqttUrl,
      prefix: config.ingest.mqttTopicPrefix,
      rate: config.ingest.simulateRate,
      log: (line) => console.log(line),
    });
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 4 || code === 5) {
      await db.close();
      throw new StartupError(
        `the MQTT broker at ${printableMqttUrl(mqttUrl)} refused the simulator's credentials`,
        'beside a running npm start it finds them itself; for another broker put an all-devices credential in MQTT_URL (npm run mqtt-credential -- issue --all-devices)',
      );
    }
    throw error;
  }
  console.log(`publishing to ${printableMqttUrl(mqttUrl)}; Ctrl-C stops`);
  const report = setInterval(
    () => console.log(`  ${simulator.published().toLocaleString('en-US')} readings published`),
    10_000,
  );
  const stop = async () => {
    clearInterval(report);
    await simulator.stop();
    await db.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
});

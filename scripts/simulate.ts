// npm run simulate: publishes simulated device readings over MQTT to MQTT_URL (default: the broker of a
// running `npm start`, mqtt://127.0.0.1:MQTT_PORT) until stopped. SIMULATE_RATE sets readings per second.
import { loadConfig } from '../api/src/config.ts';
import { findRunningBroker, MQTT_DEFAULT_PORT } from '../api/src/ingest/mqtt-broker.ts';
import { runCli } from '../api/src/startup-error.ts';
import { openDatabase } from './database.ts';
import { startSimulator } from './simulator/simulator.ts';

await runCli(async () => {
  const config = loadConfig();
  const db = await openDatabase(config);
  const mqttUrl =
    config.ingest.mqttUrl ??
    (config.ingest.mqttPort === null ? findRunningBroker(config.dataDir) : null) ??
    `mqtt://127.0.0.1:${config.ingest.mqttPort ?? MQTT_DEFAULT_PORT}`;
  const simulator = await startSimulator({
    db: db.pool,
    mqttUrl,
    prefix: config.ingest.mqttTopicPrefix,
    rate: config.ingest.simulateRate,
    log: (line) => console.log(line),
  });
  console.log(`publishing to ${mqttUrl}; Ctrl-C stops`);
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

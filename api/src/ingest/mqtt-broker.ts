// The embedded MQTT broker `npm start` runs when no MQTT_URL is set (aedes, in memory), so devices and the
// simulator have somewhere to connect. Production deployments point MQTT_URL at Mosquitto, EMQX or similar.
import net from 'node:net';
import { Aedes } from 'aedes';
import { StartupError } from '../startup-error.ts';

export interface EmbeddedBroker {
  url: string;
  port: number;
  close(): Promise<void>;
}

export async function startEmbeddedBroker(host: string, port: number): Promise<EmbeddedBroker> {
  const broker = await Aedes.createBroker();
  const server = net.createServer(broker.handle);
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new StartupError(
              `MQTT port ${port} is already in use`,
              'set MQTT_PORT to a free port, or MQTT_URL to use the broker already running there',
            )
          : error,
      ),
    );
    server.listen(port, host, () => resolve());
  });
  const actual = (server.address() as net.AddressInfo).port;
  return {
    url: `mqtt://${host === '0.0.0.0' ? '127.0.0.1' : host}:${actual}`,
    port: actual,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await new Promise<void>((resolve) => broker.close(() => resolve()));
    },
  };
}

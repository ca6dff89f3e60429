// The embedded MQTT broker `npm start` runs when no MQTT_URL is set (aedes, in memory), so devices and the
// simulator have somewhere to connect. Production deployments point MQTT_URL at Mosquitto, EMQX or similar.
import net from 'node:net';
import { Aedes } from 'aedes';
import { readRunningNote, writeRunningNote } from '../running-note.ts';
import { StartupError } from '../startup-error.ts';

export interface EmbeddedBroker {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** The MQTT port devices expect when nothing else is said. */
export const MQTT_DEFAULT_PORT = 1883;

/**
 * Listens on `port`; with no port given, on 1883 or, when that is taken (a Mosquitto is already there), on a
 * free port the caller prints. A port that was asked for and is taken is an error.
 */
export async function startEmbeddedBroker(host: string, port: number | null): Promise<EmbeddedBroker> {
  const broker = await Aedes.createBroker();
  const server = net.createServer(broker.handle);
  try {
    try {
      await listen(server, host, port ?? MQTT_DEFAULT_PORT);
    } catch (error) {
      if (port !== null || (error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
      await listen(server, host, 0);
    }
  } catch (error) {
    await new Promise<void>((resolve) => broker.close(() => resolve()));
    throw error;
  }
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

function listen(server: net.Server, host: string, port: number): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      const taken = error.code === 'EADDRINUSE';
      reject(
        Object.assign(
          taken
            ? new StartupError(
                `MQTT port ${port} is already in use`,
                'set MQTT_PORT to a free port, or MQTT_URL to use the broker already running there',
              )
            : error,
          { code: error.code },
        ),
      );
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve();
    });
  });
}

/** While `npm start` runs the embedded broker, this file in DATA_DIR says where (for `npm run simulate`). */
const RUNNING_FILE = 'embedded-mqtt.json';

/** Notes where the embedded broker listens; the returned function removes the note. */
export function recordRunningBroker(dataDir: string, url: string): () => void {
  return writeRunningNote(dataDir, RUNNING_FILE, url);
}

/** The URL of the embedded broker a running `npm start` of this checkout serves, if one does. */
export function findRunningBroker(dataDir: string): string | null {
  return readRunningNote(dataDir, RUNNING_FILE);
}

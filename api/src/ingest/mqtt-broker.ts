// The embedded MQTT broker `npm start` runs when no MQTT_URL is set (aedes), so devices and the simulator have
// somewhere to connect. Production deployments point MQTT_URL at Mosquitto, EMQX or similar.
// aedes keeps its queues in memory and sends a QoS 1 PUBACK as soon as a message arrives, so readings are not
// left to it: a message to the readings topics is stored in aedes's authorizePublish hook, which runs before
// the PUBACK, and answered only after the commit. A message that cannot be stored closes the publisher's
// connection unacknowledged, and the device sends it again. A process killed at any moment loses nothing a
// device was told was received.
import net from 'node:net';
import { Aedes, type Client } from 'aedes';
import { readRunningNote, writeRunningNote } from '../running-note.ts';
import { StartupError } from '../startup-error.ts';
import type { MqttMessage } from './mqtt-batch.ts';

export interface EmbeddedBroker {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** The MQTT port devices expect when nothing else is said. */
export const MQTT_DEFAULT_PORT = 1883;

/** Who may connect and what they may do (mqtt-auth.ts); without one, anyone may (tests of the broker only). */
export interface BrokerAuth<Identity = unknown> {
  /** The client's identity when its credentials are right; null refuses the connection (CONNACK 4 or 5). */
  authenticate(
    clientId: string,
    username: string | undefined,
    password: Buffer | undefined,
  ): Promise<Identity | null>;
  /** Whether the client may publish to the topic; a refusal closes its connection (MQTT 3.1.1 has no NACK). */
  mayPublish(identity: Identity, topic: string): boolean | Promise<boolean>;
  /** Whether the client may subscribe to the filter; a refusal answers SUBACK 0x80. */
  maySubscribe(identity: Identity, filter: string): boolean | Promise<boolean>;
}

export interface EmbeddedBrokerOptions {
  host: string;
  /** null: 1883, or a free port when 1883 is taken. */
  port: number | null;
  /** Messages to <prefix>/# are stored through `store` before they are acknowledged. */
  readings: { prefix: string; store(message: MqttMessage): Promise<void> };
  auth?: BrokerAuth;
}

const SYS_PREFIX = '$SYS/';
const IDENTITY = Symbol('identity');
type AuthedClient = Client & { [IDENTITY]?: unknown };

/**
 * Listens on `port`; with no port given, on 1883 or, when that is taken (a Mosquitto is already there), on a
 * free port the caller prints. A port that was asked for and is taken is an error.
 */
export async function startEmbeddedBroker(options: EmbeddedBrokerOptions): Promise<EmbeddedBroker> {
  const { host, port, readings, auth } = options;
  const broker = await Aedes.createBroker();
  const readingTopic = `${readings.prefix}/`;
  if (auth) {
    broker.authenticate = (client, username, password, callback) => {
      auth.authenticate(client.id, username, password).then(
        (identity) => {
          if (identity === null)
            return callback(Object.assign(new Error('bad user name or password'), { returnCode: 4 }), false);
          (client as AuthedClient)[IDENTITY] = identity;
          callback(null, true);
        },
        (error: Error) => callback(Object.assign(error, { returnCode: 3 }), false), // 3: server unavailable
      );
    };
    broker.authorizeSubscribe = (client, subscription, callback) => {
      Promise.resolve(auth.maySubscribe((client as AuthedClient)[IDENTITY], subscription.topic)).then(
        (allowed) => callback(null, allowed ? subscription : null),
        (error: Error) => callback(error, null),
      );
    };
  }
  broker.authorizePublish = (client, packet, callback) => {
    if (packet.topic.startsWith(SYS_PREFIX)) return callback(new Error(`${SYS_PREFIX} topics are reserved`));
    if (client === null) return callback(null); // a will left by a client that is gone: delivered, not stored
    Promise.resolve()
      .then(() => (auth ? auth.mayPublish((client as AuthedClient)[IDENTITY], packet.topic) : true))
      .then((ok) => {
        if (!ok) throw new Error(`not allowed to publish to ${packet.topic.slice(0, 100)}`);
        if (!packet.topic.startsWith(readingTopic)) return;
        return readings.store({ topic: packet.topic, payload: Buffer.from(packet.payload) });
      })
      .then(
        () => callback(null),
        (error: Error) => callback(error),
      );
  };
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
      // The broker first: it disconnects the clients, whose open sockets would keep server.close waiting.
      await new Promise<void>((resolve) => broker.close(() => resolve()));
      await new Promise<void>((resolve) => server.close(() => resolve()));
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

// MQTT ingest from an external broker: a small subscriber (MQTT 3.1.1 over mqtt-packet) that PUBACKs a QoS 1
// message only after the readings in it are committed (mqtt-batch.ts gathers them into batches, so the
// broker's in-flight window, e.g. Mosquitto's 20 per client, is acknowledged together, in order). A
// persistent session (clean = false) makes the broker keep and re-send what was not acknowledged when this
// process dies. Topics: <prefix>/<device> or <prefix>/<device>/<metric> (see reading-items.ts).
import net from 'node:net';
import tls from 'node:tls';
import mqttPacket, { type IPublishPacket, type Packet } from 'mqtt-packet';
import type { IngestService } from './ingest.service.ts';
import { mqttBatcher } from './mqtt-batch.ts';

export interface MqttIngestOptions {
  url: string;
  prefix: string;
  /** Share one subscription among API processes ($share/…, Mosquitto 2, EMQX, HiveMQ). */
  shared: boolean;
  clientId: string;
  ingest: IngestService;
  log: (line: string) => void;
  /** How long to gather messages before a batch is stored. */
  batchMs?: number;
}

export interface MqttIngest {
  /** Resolves once subscribed (first connection). */
  ready: Promise<void>;
  close(): Promise<void>;
}

const KEEPALIVE_S = 30;
const SHARE_GROUP = 'city-one-map-ingest';

export function startMqttIngest(options: MqttIngestOptions): MqttIngest {
  const url = new URL(options.url);
  const secure = url.protocol === 'mqtts:';
  const port = Number(url.port || (secure ? 8883 : 1883));
  const filter = `${options.shared ? `$share/${SHARE_GROUP}/` : ''}${options.prefix}/#`;
  const batcher = mqttBatcher({
    ingest: options.ingest,
    prefix: options.prefix,
    log: options.log,
    batchMs: options.batchMs,
  });
  let socket: net.Socket | null = null;
  let closed = false;
  let ping: NodeJS.Timeout | null = null;
  let retryMs = 500;
  let resolveReady!: () => void;
  const ready = new Promise<void>((resolve) => {
    resolveReady = resolve;
  });

  const send = (s: net.Socket, packet: Packet) => {
    if (!s.destroyed) s.write(mqttPacket.generate(packet));
  };

  /** PUBACK once stored; not stored: reconnecting makes the broker send it again. */
  const receive = (s: net.Socket, packet: IPublishPacket) => {
    batcher.store({ topic: packet.topic, payload: Buffer.from(packet.payload) }).then(
      () => {
        if (packet.qos === 1 && packet.messageId !== undefined)
          send(s, { cmd: 'puback', messageId: packet.messageId });
      },
      (error: Error) => {
        if (s.destroyed) return;
        options.log(`warning: ${error.message}; reconnecting`);
        s.destroy();
      },
    );
  };

  const connect = () => {
    if (closed) return;
    const s = secure
      ? tls.connect({ host: url.hostname, port, servername: url.hostname })
      : net.connect({ host: url.hostname, port });
    socket = s;
    const parser = mqttPacket.parser({ protocolVersion: 4 });
    parser.on('packet', (packet: Packet) => {
      switch (packet.cmd) {
        case 'connack':
          if (packet.returnCode !== 0) {
            options.log(`warning: the MQTT broker refused the connection (code ${packet.returnCode})`);
            s.destroy();
            return;
          }
          send(s, { cmd: 'subscribe', messageId: 1, subscriptions: [{ topic: filter, qos: 1 }] });
          break;
        case 'suback':
          retryMs = 500;
          resolveReady();
          break;
        case 'publish':
          receive(s, packet);
          break;
        default:
          break;
      }
    });
    parser.on('error', (error: Error) => {
      options.log(`warning: bad packet from the MQTT broker (${error.message})`);
      s.destroy();
    });
    s.on(secure ? 'secureConnect' : 'connect', () => {
      send(s, {
        cmd: 'connect',
        protocolId: 'MQTT',
        protocolVersion: 4,
        clientId: options.clientId,
        clean: false,
        keepalive: KEEPALIVE_S,
        ...(url.username && { username: decodeURIComponent(url.username) }),
        ...(url.password && { password: Buffer.from(decodeURIComponent(url.password)) }),
      });
      ping = setInterval(() => send(s, { cmd: 'pingreq' }), (KEEPALIVE_S * 1000 * 3) / 4);
      ping.unref();
    });
    s.on('data', (chunk: Buffer) => parser.parse(chunk));
    s.on('error', (error: NodeJS.ErrnoException) => {
      if (!closed)
        options.log(`warning: MQTT connection to ${url.host} failed (${error.code ?? error.message})`);
    });
    s.on('close', () => {
      // What was not acknowledged the broker sends again to the next session.
      if (ping) clearInterval(ping);
      if (closed) return;
      const delay = retryMs;
      retryMs = Math.min(retryMs * 2, 15_000);
      setTimeout(connect, delay).unref();
    });
  };
  connect();
  return {
    ready,
    async close() {
      closed = true;
      const s = socket;
      if (s && !s.destroyed) {
        await batcher.drain();
        send(s, { cmd: 'disconnect' });
        s.end();
      }
    },
  };
}

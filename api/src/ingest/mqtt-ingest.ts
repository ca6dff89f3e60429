// MQTT ingest: a small subscriber (MQTT 3.1.1 over mqtt-packet) that PUBACKs a QoS 1 message only after the
// readings in it are committed. Messages are gathered for a few milliseconds and stored as one batch, so the
// broker's in-flight window (e.g. Mosquitto's 20 per client) is acknowledged together, in order. A
// persistent session (clean = false) makes the broker keep and re-send what was not acknowledged when this
// process dies. Topics: <prefix>/<device> or <prefix>/<device>/<metric> (see reading-items.ts).
import net from 'node:net';
import tls from 'node:tls';
import mqttPacket, { type IPublishPacket, type Packet } from 'mqtt-packet';
import type { IngestService } from './ingest.service.ts';
import { itemsFromMqtt, type Rejection } from './reading-items.ts';

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

interface Pending {
  packet: IPublishPacket;
}

export function startMqttIngest(options: MqttIngestOptions): MqttIngest {
  const url = new URL(options.url);
  const secure = url.protocol === 'mqtts:';
  const port = Number(url.port || (secure ? 8883 : 1883));
  const filter = `${options.shared ? `$share/${SHARE_GROUP}/` : ''}${options.prefix}/#`;
  const depth = options.prefix.split('/').length;
  const batchMs = options.batchMs ?? 15;
  let socket: net.Socket | null = null;
  let closed = false;
  let pending: Pending[] = [];
  let flushing: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | null = null;
  let ping: NodeJS.Timeout | null = null;
  let retryMs = 500;
  let resolveReady!: () => void;
  const ready = new Promise<void>((resolve) => {
    resolveReady = resolve;
  });

  const send = (s: net.Socket, packet: Packet) => {
    if (!s.destroyed) s.write(mqttPacket.generate(packet));
  };

  const flush = (s: net.Socket) => {
    timer = null;
    const batch = pending;
    pending = [];
    if (batch.length === 0) return;
    flushing = flushing.then(async () => {
      const items: unknown[] = [];
      const malformed: Rejection[] = [];
      for (const { packet } of batch) {
        const parts = packet.topic.split('/').slice(depth);
        const device = parts[0] ?? '';
        const metric = parts.length === 2 ? parts[1]! : null;
        const parsed =
          parts.length < 1 || parts.length > 2 || device === ''
            ? { error: `topic ${packet.topic.slice(0, 100)} is not ${options.prefix}/<device>[/<metric>]` }
            : itemsFromMqtt(device, metric, Buffer.from(packet.payload));
        if ('error' in parsed) {
          malformed.push({
            index: items.length,
            reason: 'MALFORMED',
            message: parsed.error,
            item: `${packet.topic} ${Buffer.from(packet.payload).toString('utf8').slice(0, 1800)}`,
          });
          items.push(undefined);
        } else {
          items.push(...parsed.items);
        }
      }
      try {
        await options.ingest.ingest({ items, malformed, source: 'mqtt', actor: 'mqtt', scope: null });
      } catch (error) {
        // Not stored: no PUBACK. Reconnecting makes the broker send the messages again.
        options.log(
          `warning: MQTT batch of ${batch.length} messages not stored (${(error as Error).message}); reconnecting`,
        );
        s.destroy();
        return;
      }
      for (const { packet } of batch) {
        if (packet.qos === 1 && packet.messageId !== undefined)
          send(s, { cmd: 'puback', messageId: packet.messageId });
      }
    });
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
          pending.push({ packet });
          timer ??= setTimeout(() => flush(s), batchMs);
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
      if (ping) clearInterval(ping);
      if (timer) clearTimeout(timer);
      timer = null;
      pending = []; // unacknowledged: the broker re-sends them to the next session
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
      if (timer) clearTimeout(timer);
      const s = socket;
      if (s && !s.destroyed) {
        if (pending.length) flush(s);
        await flushing;
        send(s, { cmd: 'disconnect' });
        s.end();
      }
    },
  };
}

// MQTT messages into stored readings, for both ways messages arrive (the subscriber to an external broker and
// the embedded broker's publish hook). Messages gathered for a few milliseconds are stored as one batch; each
// message's promise settles when its batch is committed, and only then is the message acknowledged.
// - A message that cannot be read (not JSON, nested too deep, wrong topic) is a dead letter: kept with its
//   reason and acknowledged.
// - A batch the database refuses is stored again message by message, so a message that cannot be stored goes
//   to the dead letters alone (UNSTORABLE) and the others are kept.
// - Only when even the dead letter cannot be written (the database is unreachable) does a promise reject: the
//   message stays unacknowledged and the broker sends it again.
import type { IngestService } from './ingest.service.ts';
import { itemsFromMqtt, type Rejection } from './reading-items.ts';

export interface MqttMessage {
  topic: string;
  payload: Uint8Array;
}

export interface MqttBatcher {
  /** Resolves once the message's readings (or its dead letter) are committed. */
  store(message: MqttMessage): Promise<void>;
  /** Stores what is gathered now and waits for every batch under way. */
  drain(): Promise<void>;
}

export interface MqttBatcherOptions {
  ingest: IngestService;
  /** Topics are <prefix>/<device> or <prefix>/<device>/<metric>. */
  prefix: string;
  log: (line: string) => void;
  /** How long to gather messages before a batch is stored. */
  batchMs?: number;
}

interface Waiting {
  message: MqttMessage;
  resolve: () => void;
  reject: (error: Error) => void;
}

const MAX_KEPT_PAYLOAD = 1800;

/** A message as the dead-letter table keeps it: topic, then the start of the payload. */
const keptText = (m: MqttMessage) =>
  `${m.topic.slice(0, 200)} ${Buffer.from(m.payload).subarray(0, MAX_KEPT_PAYLOAD).toString('utf8')}`;

export function mqttBatcher(options: MqttBatcherOptions): MqttBatcher {
  const depth = options.prefix.split('/').length;
  const batchMs = options.batchMs ?? 15;
  let gathered: Waiting[] = [];
  let timer: NodeJS.Timeout | null = null;
  let flushing: Promise<void> = Promise.resolve();

  /** The items of messages, with a MALFORMED rejection in place of each message that cannot be read. */
  const itemsOf = (messages: readonly MqttMessage[]) => {
    const items: unknown[] = [];
    const malformed: Rejection[] = [];
    for (const message of messages) {
      const { topic, payload } = message;
      const parts = topic.split('/').slice(depth);
      const device = parts[0] ?? '';
      const parsed =
        parts.length < 1 || parts.length > 2 || device === ''
          ? { error: `topic ${topic.slice(0, 100)} is not ${options.prefix}/<device>[/<metric>]` }
          : itemsFromMqtt(device, parts[1] ?? null, Buffer.from(payload));
      if ('error' in parsed) {
        malformed.push({
          index: items.length,
          reason: 'MALFORMED',
          message: parsed.error,
          item: keptText(message),
        });
        items.push(undefined);
      } else items.push(...parsed.items);
    }
    return { items, malformed };
  };

  const storeMessages = (messages: readonly MqttMessage[]) =>
    options.ingest.ingest({ ...itemsOf(messages), source: 'mqtt', actor: 'mqtt', scope: null });

  const storeBatch = async (batch: Waiting[]) => {
    try {
      await storeMessages(batch.map((w) => w.message));
      for (const w of batch) w.resolve();
      return;
    } catch (error) {
      if (batch.length > 1) {
        options.log(
          `warning: an MQTT batch of ${batch.length} messages was not stored (${(error as Error).message}); storing them one by one`,
        );
      }
    }
    for (const w of batch) {
      try {
        await storeMessages([w.message]);
        w.resolve();
      } catch (error) {
        const reason = (error as Error).message.slice(0, 500);
        try {
          await options.ingest.deadLetters('mqtt', 'mqtt', [
            {
              reason: 'UNSTORABLE',
              message: `the message could not be stored: ${reason}`,
              item: keptText(w.message),
            },
          ]);
          options.log(
            `warning: MQTT message on ${w.message.topic.slice(0, 100)} kept as a dead letter (${reason})`,
          );
          w.resolve();
        } catch {
          w.reject(new Error(`MQTT message on ${w.message.topic.slice(0, 100)} not stored: ${reason}`));
        }
      }
    }
  };

  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    const batch = gathered;
    gathered = [];
    if (batch.length > 0) flushing = flushing.then(() => storeBatch(batch));
    return flushing;
  };

  return {
    store(message) {
      return new Promise<void>((resolve, reject) => {
        gathered.push({ message, resolve, reject });
        timer ??= setTimeout(flush, batchMs);
      });
    },
    drain: flush,
  };
}

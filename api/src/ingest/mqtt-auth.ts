// Who may connect to the embedded MQTT broker and what they may publish (the broker's BrokerAuth):
// - A client connects with the username and secret of a credential from `npm run mqtt-credential` or the
//   issueMqttCredential mutation (checked against its Mosquitto hash), or of a credential of this process
//   (the simulator of `npm start`, which lives in memory only). Anonymous, unknown, wrong and revoked: CONNACK
//   refused.
// - It publishes only to the readings topics of the devices its credential owns (mqtt-grants.ts); anything
//   else closes its connection unacknowledged. Nobody subscribes: the broker stores readings itself.
// - What a credential owns is cached per credential (the devices of a site change rarely: reloaded after a
//   minute); revocations of the cached ones are polled every 2 s, so a revoked client's next publish is refused
//   and its connection closed within seconds, and it cannot connect again.
// - Every refusal is counted, kept in ingest_rejects (source 'mqtt', reason UNAUTHENTICATED or FORBIDDEN, the
//   username or client id as actor; written in batches, at most 100 a second) and logged, at most one line
//   per 10 s with a count of the rest.
import { createHash, timingSafeEqual } from 'node:crypto';
import type pg from 'pg';
import { verifyMosquittoPassword } from '../access/mosquitto-password.ts';
import {
  findMqttGrants,
  findMqttLogin,
  findRevokedMqttCredentials,
  insertMqttRefusals,
  type MqttGrantRow,
  type MqttRefusal,
  touchMqttCredential,
} from '../store/mqtt-credentials.repo.ts';
import type { BrokerAuth } from './mqtt-broker.ts';
import { type MqttGrant, publishRefusal } from './mqtt-grants.ts';

export interface MqttIdentity {
  username: string;
  clientId: string;
  /** null: a credential of this process, never stored and never revoked. */
  credentialId: number | null;
  /** A process credential's grant; stored credentials are looked up by id. */
  localGrant: MqttGrant | null;
}

/** A credential that lives in this process only (e.g. for the simulator `npm start` runs). */
export interface LocalMqttCredential {
  username: string;
  password: string;
  grant: MqttGrant;
}

export interface MqttAuthOptions {
  prefix: string;
  log: (line: string) => void;
  local?: readonly LocalMqttCredential[];
  /** How often the cached credentials are checked for revocation. */
  revocationPollMs?: number;
  /** How long what a credential owns is trusted before it is read again. */
  grantTtlMs?: number;
  /** How often refusals are written to ingest_rejects. */
  refusalFlushMs?: number;
  /** At most one log line per this long; the rest are counted in the next. */
  logEveryMs?: number;
}

export type RefusalReason = MqttRefusal['reason'];

export interface MqttAuth extends BrokerAuth<MqttIdentity> {
  /** Refusals since this process started, by reason. */
  refusals(): Readonly<Record<RefusalReason, number>>;
  /** Writes the refusals not yet kept. */
  flush(): Promise<void>;
  /** Stops polling and writes what is pending. */
  close(): Promise<void>;
}

/** Rows written to ingest_rejects per flush; a flood beyond that is counted and logged, not kept row by row. */
const MAX_KEPT_PER_FLUSH = 100;

/** A username no stored credential can have (they start with a letter or digit), for process credentials. */
export function localMqttCredential(name: string, password: string): LocalMqttCredential {
  return {
    username: `_${name}`,
    password,
    grant: { scope: 'all_devices', devices: null, revoked: false },
  };
}

const printable = (s: string, max = 100) => s.slice(0, max).replace(/[^\x20-\x7e\u00a0-\uffff]/g, '?');

const digest = (b: Buffer) => createHash('sha256').update(b).digest();

function grantOf(row: MqttGrantRow | undefined): MqttGrant {
  if (!row) return { scope: 'device', devices: new Set(), revoked: true }; // gone: owns nothing
  return {
    scope: row.scope,
    devices: row.devices === null ? null : new Set(row.devices),
    revoked: row.revoked,
  };
}

export function createMqttAuth(pool: pg.Pool, options: MqttAuthOptions): MqttAuth {
  const { prefix, log } = options;
  const grantTtlMs = options.grantTtlMs ?? 60_000;
  const flushMs = options.refusalFlushMs ?? 1000;
  const logEveryMs = options.logEveryMs ?? 10_000;
  const local = new Map((options.local ?? []).map((c) => [c.username, c]));

  // --- refusals: counted, kept, logged ---
  const counts: Record<RefusalReason, number> = { UNAUTHENTICATED: 0, FORBIDDEN: 0 };
  let pending: MqttRefusal[] = [];
  let notKept = 0;
  let flushTimer: NodeJS.Timeout | null = null;
  let writing: Promise<void> = Promise.resolve();
  let logWindowEnds = 0;
  const quiet: Record<RefusalReason, number> = { UNAUTHENTICATED: 0, FORBIDDEN: 0 };

  const flush = (): Promise<void> => {
    if (flushTimer) clearTimeout(flushTimer);
    flushTimer = null;
    const batch = pending;
    pending = [];
    if (batch.length > 0) {
      writing = writing.then(() =>
        insertMqttRefusals(pool, batch).catch((error: Error) =>
          log(`warning: ${batch.length} MQTT refusals were not kept in ingest_rejects (${error.message})`),
        ),
      );
    }
    return writing;
  };

  const summarise = () => {
    const n = quiet.UNAUTHENTICATED + quiet.FORBIDDEN;
    if (n > 0) {
      const lost =
        notKept > 0 ? `; ${notKept} of them beyond ${MAX_KEPT_PER_FLUSH}/s not kept one by one` : '';
      log(
        `MQTT: ${n} more refusals in ${logEveryMs / 1000} s (UNAUTHENTICATED ${quiet.UNAUTHENTICATED}, FORBIDDEN ${quiet.FORBIDDEN})${lost}; see ingest_rejects (source mqtt)`,
      );
    }
    quiet.UNAUTHENTICATED = 0;
    quiet.FORBIDDEN = 0;
    notKept = 0;
    logWindowEnds = 0;
  };

  const refuse = (reason: RefusalReason, actor: string, message: string, item: string) => {
    counts[reason] += 1;
    if (pending.length < MAX_KEPT_PER_FLUSH) {
      pending.push({
        actor: printable(actor),
        reason,
        message: printable(message, 300),
        item: printable(item, 500),
      });
      if (!flushTimer) {
        flushTimer = setTimeout(flush, flushMs);
        flushTimer.unref();
      }
    } else notKept += 1;
    const now = Date.now();
    if (now >= logWindowEnds) {
      logWindowEnds = now + logEveryMs;
      log(
        `MQTT: refused ${printable(actor)} (${reason}): ${printable(message, 300)}; ${printable(item, 200)}`,
      );
      setTimeout(summarise, logEveryMs).unref();
    } else quiet[reason] += 1;
  };

  // --- what credentials own, cached by id ---
  interface Cached {
    grant: MqttGrant;
    loadedAt: number;
    usedAt: number;
  }
  const cache = new Map<number, Cached>();
  const loading = new Map<number, Promise<MqttGrant>>();

  const remember = (id: number, grant: MqttGrant) => {
    const now = Date.now();
    cache.set(id, { grant, loadedAt: now, usedAt: now });
    return grant;
  };

  const load = (id: number): Promise<MqttGrant> => {
    let promise = loading.get(id);
    if (!promise) {
      promise = findMqttGrants(pool, [id])
        .then((rows) => remember(id, grantOf(rows[0])))
        .finally(() => loading.delete(id));
      loading.set(id, promise);
    }
    return promise;
  };

  let polling = false;
  const pollRevocations = async () => {
    if (polling) return;
    polling = true;
    try {
      const now = Date.now();
      for (const [id, entry] of cache) if (now - entry.usedAt > grantTtlMs) cache.delete(id);
      const revoked = await findRevokedMqttCredentials(pool, [...cache.keys()]);
      for (const id of revoked) {
        const entry = cache.get(id);
        if (entry) entry.grant = { ...entry.grant, revoked: true };
      }
    } catch (error) {
      log(`warning: checking MQTT credentials for revocation failed: ${(error as Error).message}`);
    } finally {
      polling = false;
    }
  };
  const poll = setInterval(pollRevocations, options.revocationPollMs ?? 2000);
  poll.unref();

  const localMatch = (username: string, password: Buffer): MqttGrant | null => {
    const credential = local.get(username);
    if (!credential) return null;
    return timingSafeEqual(digest(password), digest(Buffer.from(credential.password, 'utf8')))
      ? credential.grant
      : null;
  };

  return {
    async authenticate(clientId, username, password) {
      const client = `client:${clientId}`;
      if (!username || !password || password.length === 0) {
        refuse('UNAUTHENTICATED', username || client, 'no username and password', `CONNECT ${client}`);
        return null;
      }
      if (local.has(username)) {
        const grant = localMatch(username, password);
        if (grant) return { username, clientId, credentialId: null, localGrant: grant };
        refuse('UNAUTHENTICATED', username, 'wrong secret', `CONNECT ${client}`);
        return null;
      }
      const row = username.length <= 64 ? await findMqttLogin(pool, username) : null;
      const matches = await verifyMosquittoPassword(row?.secret_hash ?? null, password);
      const why = !row
        ? 'unknown username'
        : !matches
          ? 'wrong secret'
          : row.revoked
            ? 'the credential is revoked'
            : null;
      if (!row || why !== null) {
        refuse('UNAUTHENTICATED', username, why ?? 'refused', `CONNECT ${client}`);
        return null;
      }
      remember(row.id, grantOf(row));
      touchMqttCredential(pool, row.id).catch((error: Error) =>
        log(`warning: recording an MQTT credential's use failed: ${error.message}`),
      );
      return { username, clientId, credentialId: row.id, localGrant: null };
    },

    mayPublish(identity, topic) {
      const decide = (grant: MqttGrant) => {
        const why = publishRefusal(grant, prefix, topic);
        if (why !== null)
          refuse('FORBIDDEN', identity.username, why, `PUBLISH ${topic} client:${identity.clientId}`);
        return why === null;
      };
      if (identity.localGrant) return decide(identity.localGrant);
      const id = identity.credentialId!;
      const entry = cache.get(id);
      const now = Date.now();
      if (entry && now - entry.loadedAt < grantTtlMs) {
        entry.usedAt = now;
        return decide(entry.grant);
      }
      return load(id).then(decide);
    },

    maySubscribe(identity, filter) {
      refuse(
        'FORBIDDEN',
        identity.username,
        'the embedded broker takes no subscriptions (it stores readings itself)',
        `SUBSCRIBE ${filter} client:${identity.clientId}`,
      );
      return false;
    },

    refusals: () => ({ ...counts }),
    flush,
    async close() {
      clearInterval(poll);
      await flush();
    },
  };
}

/** A broker URL with a credential in it (mqtt://user:password@host:port), as MQTT clients and MQTT_URL take it. */
export function mqttUrlWith(url: string, credential: { username: string; password: string }): string {
  const u = new URL(url);
  u.username = credential.username;
  u.password = credential.password;
  return u.href;
}

/** A broker URL as it may be printed: the password masked. */
export function printableMqttUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.href;
  } catch {
    return 'an unparsable URL';
  }
}

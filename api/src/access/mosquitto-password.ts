// MQTT secrets, hashed the way Mosquitto 2's password_file keeps them (what `mosquitto_passwd` writes):
// `$7$<iterations>$<salt, base64>$<PBKDF2-HMAC-SHA512 of the password, 64 bytes, base64>`. The embedded broker
// verifies against the same strings an exported password_file gives Mosquitto.
//
// The secrets are 256 random bits made here, never chosen by a person, so the iteration count guards nothing a
// guess could reach; it stays at mosquitto_passwd's own default (101), which keeps a reconnecting fleet cheap
// (about 0.1 ms a check) for both brokers. Any count is accepted when verifying.
import { pbkdf2, randomBytes, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

const pbkdf2Async = promisify(pbkdf2);

export const MOSQUITTO_ITERATIONS = 101;
const SALT_BYTES = 12;
const HASH_BYTES = 64;
const MAX_ITERATIONS = 10_000_000;
const FORMAT = /^\$7\$([1-9][0-9]{0,8})\$([A-Za-z0-9+/]+={0,2})\$([A-Za-z0-9+/]+={0,2})$/;

/** The prefix of the secrets this app issues, so a leaked one is recognisable (secret scanners, logs). */
export const MQTT_SECRET_PREFIX = 'comq_';

/** A new MQTT secret: the prefix and 256 random bits (base64url). */
export function newMqttSecret(): string {
  return `${MQTT_SECRET_PREFIX}${randomBytes(32).toString('base64url')}`;
}

export interface ParsedMosquittoHash {
  iterations: number;
  salt: Buffer;
  hash: Buffer;
}

/** The parts of a `$7$` hash; null when the string is not one. */
export function parseMosquittoHash(encoded: string): ParsedMosquittoHash | null {
  const match = FORMAT.exec(encoded);
  if (!match) return null;
  const iterations = Number(match[1]);
  const salt = Buffer.from(match[2]!, 'base64');
  const hash = Buffer.from(match[3]!, 'base64');
  if (iterations > MAX_ITERATIONS || salt.length === 0 || hash.length !== HASH_BYTES) return null;
  return { iterations, salt, hash };
}

/** The `$7$` hash of a secret (a fresh random salt unless one is given). */
export async function hashMosquittoPassword(
  secret: string,
  options: { iterations?: number; salt?: Buffer } = {},
): Promise<string> {
  const iterations = options.iterations ?? MOSQUITTO_ITERATIONS;
  const salt = options.salt ?? randomBytes(SALT_BYTES);
  const hash = await pbkdf2Async(Buffer.from(secret, 'utf8'), salt, iterations, HASH_BYTES, 'sha512');
  return `$7$${iterations}$${salt.toString('base64')}$${hash.toString('base64')}`;
}

/** A hash to compare against when the username is unknown, so that answer takes as long as a wrong secret. */
const DECOY: ParsedMosquittoHash = {
  iterations: MOSQUITTO_ITERATIONS,
  salt: Buffer.alloc(SALT_BYTES),
  hash: Buffer.alloc(HASH_BYTES),
};

/**
 * Whether the secret matches the `$7$` hash, compared in constant time. A null or malformed hash (an unknown
 * user) is compared against a decoy, so it costs the same and is always false.
 */
export async function verifyMosquittoPassword(
  encoded: string | null,
  secret: Buffer | string,
): Promise<boolean> {
  const parsed = encoded === null ? null : parseMosquittoHash(encoded);
  const target = parsed ?? DECOY;
  const input = typeof secret === 'string' ? Buffer.from(secret, 'utf8') : secret;
  const derived = await pbkdf2Async(input, target.salt, target.iterations, HASH_BYTES, 'sha512');
  return timingSafeEqual(derived, target.hash) && parsed !== null;
}

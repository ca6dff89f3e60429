import { describe, expect, it } from 'vitest';
import {
  hashMosquittoPassword,
  MQTT_SECRET_PREFIX,
  newMqttSecret,
  parseMosquittoHash,
  verifyMosquittoPassword,
} from './mosquitto-password.ts';

// Written by Mosquitto 2.0.11's own tool: `mosquitto_passwd -c -b pw dev1 'S3cret!'`.
const FROM_MOSQUITTO_PASSWD =
  '$7$101$T7iSsnWLo7XhYkJZ$RCYs0ao275BJ1VCeoVHA+AgXGKdfMep+JzT4fmk3GCIJ1+CAsQfpC7HOWJPXo69d3cYniT0JHa0LHEM0DNWwhA==';

describe("Mosquitto's $7$ password hashes", () => {
  it('verifies a hash mosquitto_passwd wrote, and nothing else', async () => {
    expect(await verifyMosquittoPassword(FROM_MOSQUITTO_PASSWD, 'S3cret!')).toBe(true);
    expect(await verifyMosquittoPassword(FROM_MOSQUITTO_PASSWD, Buffer.from('S3cret!'))).toBe(true);
    expect(await verifyMosquittoPassword(FROM_MOSQUITTO_PASSWD, 'S3cret')).toBe(false);
    expect(await verifyMosquittoPassword(FROM_MOSQUITTO_PASSWD, 's3cret!')).toBe(false);
    expect(await verifyMosquittoPassword(FROM_MOSQUITTO_PASSWD, '')).toBe(false);
  });

  it('writes exactly what mosquitto_passwd writes for the same salt', async () => {
    const salt = Buffer.from('T7iSsnWLo7XhYkJZ', 'base64');
    expect(await hashMosquittoPassword('S3cret!', { salt })).toBe(FROM_MOSQUITTO_PASSWD);
  });

  it('hashes with a fresh 12-byte salt, 101 iterations and a 64-byte PBKDF2-SHA512', async () => {
    const secret = newMqttSecret();
    const [a, b] = [await hashMosquittoPassword(secret), await hashMosquittoPassword(secret)];
    expect(a).toMatch(/^\$7\$101\$[A-Za-z0-9+/]{16}\$[A-Za-z0-9+/]{86}==$/);
    expect(a).not.toBe(b);
    expect(parseMosquittoHash(a)).toMatchObject({ iterations: 101 });
    expect(parseMosquittoHash(a)!.salt).toHaveLength(12);
    expect(parseMosquittoHash(a)!.hash).toHaveLength(64);
    expect(await verifyMosquittoPassword(a, secret)).toBe(true);
    expect(await verifyMosquittoPassword(b, secret)).toBe(true);
    expect(await verifyMosquittoPassword(a, `${secret}x`)).toBe(false);
  });

  it('accepts other iteration counts when verifying', async () => {
    const hash = await hashMosquittoPassword('x-secret', { iterations: 1000 });
    expect(hash.startsWith('$7$1000$')).toBe(true);
    expect(await verifyMosquittoPassword(hash, 'x-secret')).toBe(true);
  });

  it.each([
    ['no hash (unknown user)', null],
    ['empty', ''],
    [
      'another scheme ($6$, SHA512 without PBKDF2)',
      '$6$T7iSsnWLo7XhYkJZ$RCYs0ao275BJ1VCeoVHA+AgXGKdfMep+Jz==',
    ],
    ['zero iterations', FROM_MOSQUITTO_PASSWD.replace('$101$', '$0$')],
    ['absurd iterations', FROM_MOSQUITTO_PASSWD.replace('$101$', '$999999999$')],
    ['a short hash', FROM_MOSQUITTO_PASSWD.slice(0, 60)],
    ['not base64', FROM_MOSQUITTO_PASSWD.replace('T7iSsnWLo7XhYkJZ', 'T7iSs*WLo7XhYkJZ')],
    ['a trailing newline', `${FROM_MOSQUITTO_PASSWD}\n`],
  ])('refuses %s, never throwing', async (_name, hash) => {
    if (hash !== null) expect(parseMosquittoHash(hash)).toBeNull();
    expect(await verifyMosquittoPassword(hash, 'S3cret!')).toBe(false);
  });

  it('issues distinct prefixed secrets of 256 random bits', () => {
    const secrets = new Set(Array.from({ length: 100 }, () => newMqttSecret()));
    expect(secrets.size).toBe(100);
    for (const s of secrets) expect(s).toMatch(new RegExp(`^${MQTT_SECRET_PREFIX}[A-Za-z0-9_-]{43}$`));
  });
});

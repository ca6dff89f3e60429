import { describe, expect, it } from 'vitest';
import { thrown } from '../../../scripts/test/thrown.ts';
import {
  checkPassword,
  checkUsername,
  hashSecret,
  newApiToken,
  newSecret,
  parseBearer,
  parseSessionSecret,
  TOKEN_PREFIX,
} from './credentials.ts';

describe('credentials', () => {
  it('makes distinct 256-bit secrets and hashes them to 32 bytes', () => {
    const a = newSecret();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newSecret()).not.toBe(a);
    expect(hashSecret(a)).toHaveLength(32);
    expect(hashSecret(a).equals(hashSecret(a))).toBe(true);
  });

  it('reads a bearer token and refuses malformed ones with UNAUTHENTICATED', () => {
    const { token, prefix } = newApiToken();
    expect(token.startsWith(prefix)).toBe(true);
    expect(parseBearer(`Bearer ${token}`)).toBe(token);
    expect(parseBearer(`bearer  ${token} `)).toBe(token);
    expect(parseBearer(undefined)).toBeNull();
    for (const bad of [
      '',
      'Bearer',
      `Basic ${token}`,
      'Bearer abc',
      `Bearer ${TOKEN_PREFIX}short`,
      `Bearer ${token} x`,
    ]) {
      expect(
        thrown(() => parseBearer(bad)),
        bad,
      ).toMatchObject({ code: 'UNAUTHENTICATED' });
    }
  });

  it('never looks up a cookie that cannot be a session secret', () => {
    expect(parseSessionSecret(undefined)).toBeNull();
    expect(parseSessionSecret("x' OR 1=1 --")).toBeNull();
    expect(parseSessionSecret('a'.repeat(5000))).toBeNull();
    const s = newSecret();
    expect(parseSessionSecret(s)).toBe(s);
  });

  it.each([
    ['short', 'Ab1', /8 to 128/],
    ['too long', `Ab1${'x'.repeat(200)}`, /8 to 128/],
    ['one kind', 'abcdefghij', /two of/],
    ['contains the username', 'zhang.san-2026', /username/],
  ])('refuses a %s password', (_name, password, message) => {
    expect(thrown(() => checkPassword(password, 'zhang.san'))).toMatchObject({ code: 'INVALID_INPUT' });
    expect(() => checkPassword(password, 'zhang.san')).toThrow(message);
  });

  it('accepts a decent password, counting characters rather than UTF-16 units', () => {
    expect(() => checkPassword('Demo-2026', 'admin')).not.toThrow();
    expect(() => checkPassword('深圳住建2026', 'admin')).not.toThrow();
  });

  it('normalises usernames and refuses odd ones', () => {
    expect(checkUsername('  Futian.Duty ')).toBe('futian.duty');
    for (const bad of ['ab', '-abc', 'a b c', '张三', 'x'.repeat(33), "admin'--"]) {
      expect(
        thrown(() => checkUsername(bad)),
        bad,
      ).toMatchObject({ code: 'INVALID_INPUT' });
    }
  });
});

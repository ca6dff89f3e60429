// Secrets for sessions and API tokens, and the password policy. Secrets are 256 random bits; the database
// keeps only their SHA-256 (a fast hash is right for random secrets; passwords use argon2, see passwords.ts).
import { createHash, randomBytes } from 'node:crypto';
import { DomainError } from '../domain-error.ts';

export const TOKEN_PREFIX = 'cotk_';
const SECRET_BYTES = 32;
/** base64url of 32 bytes. */
const SECRET_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function newSecret(): string {
  return randomBytes(SECRET_BYTES).toString('base64url');
}

export function hashSecret(secret: string): Buffer {
  return createHash('sha256').update(secret, 'utf8').digest();
}

export function newApiToken(): { token: string; prefix: string } {
  const token = `${TOKEN_PREFIX}${newSecret()}`;
  return { token, prefix: token.slice(0, TOKEN_PREFIX.length + 6) };
}

/** The secret of a session cookie, or null when it cannot be one (so it is never looked up). */
export function parseSessionSecret(value: string | undefined): string | null {
  return value && SECRET_PATTERN.test(value) ? value : null;
}

/** The token in an `Authorization: Bearer …` header; null when absent, UNAUTHENTICATED when malformed. */
export function parseBearer(header: string | undefined): string | null {
  if (header === undefined) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  const token = match?.[1];
  if (!token?.startsWith(TOKEN_PREFIX) || !SECRET_PATTERN.test(token.slice(TOKEN_PREFIX.length))) {
    throw new DomainError(
      'UNAUTHENTICATED',
      `the Authorization header must be "Bearer ${TOKEN_PREFIX}…" with a token from \`npm run token\``,
    );
  }
  return token;
}

const PASSWORD_MIN = 8;
const PASSWORD_MAX = 128;

/** The password policy: 8–128 characters, not only one kind, not the username. */
export function checkPassword(password: string, username: string): void {
  const length = [...password].length;
  if (length < PASSWORD_MIN || length > PASSWORD_MAX) {
    throw new DomainError(
      'INVALID_INPUT',
      `a password has ${PASSWORD_MIN} to ${PASSWORD_MAX} characters (this one has ${length})`,
    );
  }
  if (password.toLowerCase().includes(username.toLowerCase())) {
    throw new DomainError('INVALID_INPUT', 'the password must not contain the username');
  }
  const kinds = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  if (kinds < 2) {
    throw new DomainError(
      'INVALID_INPUT',
      'the password needs at least two of: lower case, upper case, digits, other characters',
    );
  }
}

const USERNAME_PATTERN = /^[a-z0-9][a-z0-9_.-]{2,31}$/;

export function checkUsername(username: string): string {
  const normal = username.trim().toLowerCase();
  if (!USERNAME_PATTERN.test(normal)) {
    throw new DomainError(
      'INVALID_INPUT',
      'a username has 3–32 characters: letters, digits, ".", "_" or "-", starting with a letter or digit',
    );
  }
  return normal;
}

// Password hashing with argon2id (the argon2 package, OWASP's first choice). Verifying an unknown username
// still runs one hash, so response time does not tell which usernames exist.
import argon2 from 'argon2';

// OWASP's second argon2id profile: 19 MiB, 2 passes; about 30 ms here.
const OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

let dummyHash: Promise<string> | undefined;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, OPTIONS);
}

export async function verifyPassword(hash: string | null, password: string): Promise<boolean> {
  if (hash === null) {
    dummyHash ??= hashPassword('not a password of anyone');
    await argon2.verify(await dummyHash, password).catch(() => false);
    return false;
  }
  return argon2.verify(hash, password).catch(() => false);
}

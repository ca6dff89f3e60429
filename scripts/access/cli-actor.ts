// The audit log names command-line changes after the operating-system user who ran them.
import os from 'node:os';
import type { Actor } from '../../api/src/access/principal.ts';

export function cliActor(): Actor {
  let name = 'unknown';
  try {
    name = os.userInfo().username;
  } catch {}
  return {
    kind: 'cli',
    id: null,
    name: `${name}@${os.hostname()}`,
    origin: { ip: null, userAgent: 'npm run' },
  };
}

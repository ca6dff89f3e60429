// The MQTT credentials as an external Mosquitto needs them: a password_file (the stored $7$ hashes) and an
// acl_file (mqtt-grants.ts), written by `npm run mqtt-credential -- export-mosquitto <dir>` and, with
// MQTT_AUTH_DIR set, kept current by the API (deploy/mosquitto/run.sh copies them in and reloads Mosquitto).
// Files are replaced atomically (written beside, then renamed), mode 0600, and only when their content changes.
import fs from 'node:fs';
import path from 'node:path';
import type pg from 'pg';
import { runPeriodically } from '../live/periodic.ts';
import { findMqttExport } from '../store/mqtt-credentials.repo.ts';
import { type ExportedCredential, mosquittoAclFile, mosquittoPasswordFile } from './mqtt-grants.ts';

export const PASSWORD_FILE = 'password_file';
export const ACL_FILE = 'acl_file';

export interface MosquittoFiles {
  passwordFile: string;
  aclFile: string;
  credentials: ExportedCredential[];
}

export async function mosquittoFiles(db: pg.Pool, prefix: string): Promise<MosquittoFiles> {
  const credentials: ExportedCredential[] = (await findMqttExport(db)).map((r) => ({
    username: r.username,
    secretHash: r.secret_hash,
    scope: r.scope,
    code: r.code,
    devices: r.devices,
  }));
  return {
    passwordFile: mosquittoPasswordFile(credentials),
    aclFile: mosquittoAclFile(credentials, prefix),
    credentials,
  };
}

function writeIfChanged(file: string, content: string): boolean {
  try {
    if (fs.readFileSync(file, 'utf8') === content) return false;
  } catch {}
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, content, { mode: 0o600 });
  fs.renameSync(temporary, file);
  return true;
}

/** Writes both files into `dir` (created if missing); true when either changed. */
export async function exportMosquittoFiles(
  db: pg.Pool,
  dir: string,
  prefix: string,
): Promise<{ changed: boolean; files: MosquittoFiles }> {
  const files = await mosquittoFiles(db, prefix);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  // The ACL first: a new user is refused until both are in, a revoked one loses its password at once.
  const acl = writeIfChanged(path.join(dir, ACL_FILE), files.aclFile);
  const passwords = writeIfChanged(path.join(dir, PASSWORD_FILE), files.passwordFile);
  return { changed: acl || passwords, files };
}

/** Exports now and every `everyMs`; the returned function stops. */
export function keepMosquittoFilesExported(
  db: pg.Pool,
  options: { dir: string; prefix: string; log: (line: string) => void; everyMs?: number },
): () => void {
  return runPeriodically(
    `exporting the MQTT credentials to ${options.dir}`,
    async () => {
      const { changed, files } = await exportMosquittoFiles(db, options.dir, options.prefix);
      if (changed) {
        options.log(`MQTT: wrote ${files.credentials.length} credentials for Mosquitto to ${options.dir}`);
      }
    },
    options.log,
    options.everyMs ?? 5000,
  );
}

// Notes in DATA_DIR that say where a running `npm start` serves something (its embedded database, its
// embedded MQTT broker), so commands beside it (`npm run user`, `npm run simulate`, …) can join it.
import fs from 'node:fs';
import path from 'node:path';

/**
 * Writes the note `<dataDir>/<file>`, readable by its owner only (a URL may carry a credential, e.g. the
 * embedded broker's for the simulator); the returned function removes it.
 */
export function writeRunningNote(dataDir: string, file: string, url: string): () => void {
  const at = path.join(dataDir, file);
  fs.mkdirSync(dataDir, { recursive: true });
  fs.rmSync(at, { force: true }); // a note left by a killed process keeps its mode; a new file gets 0600
  fs.writeFileSync(at, JSON.stringify({ url, pid: process.pid }), { mode: 0o600 });
  return () => fs.rmSync(at, { force: true });
}

/** The URL in the note, if the process that wrote it is still running. */
export function readRunningNote(dataDir: string, file: string): string | null {
  try {
    const { url, pid } = JSON.parse(fs.readFileSync(path.join(dataDir, file), 'utf8'));
    process.kill(pid, 0); // throws when that process is gone
    return typeof url === 'string' ? url : null;
  } catch {
    return null;
  }
}

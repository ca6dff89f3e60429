// Builds the web app when web/dist is missing or older than its sources (content hash kept beside the build).
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const HASH_FILE = '.source-hash';

function sourceFiles(rootDir: string): string[] {
  const walk = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
      const p = path.join(dir, e.name);
      return e.isDirectory() ? walk(p) : [p];
    });
  return [
    ...walk(path.join(rootDir, 'web/src')),
    path.join(rootDir, 'web/index.html'),
    path.join(rootDir, 'web/graphiql.html'),
    path.join(rootDir, 'web/vite.config.ts'),
    path.join(rootDir, 'db/data/land.geojson'),
    path.join(rootDir, 'package-lock.json'),
  ]
    .filter((f) => fs.existsSync(f))
    .sort();
}

export function webSourceHash(rootDir: string): string {
  const hash = createHash('sha256');
  for (const file of sourceFiles(rootDir))
    hash.update(path.relative(rootDir, file)).update(fs.readFileSync(file));
  return hash.digest('hex');
}

export async function ensureWebBuild(rootDir: string, log: (line: string) => void): Promise<void> {
  const dist = path.join(rootDir, 'web/dist');
  const wanted = webSourceHash(rootDir);
  const hashFile = path.join(dist, HASH_FILE);
  if (fs.existsSync(hashFile) && fs.readFileSync(hashFile, 'utf8') === wanted) return;
  log('building the web app (web/dist is missing or stale)…');
  const { build } = await import('vite');
  // Vite takes React's dev/prod switch from NODE_ENV; under vitest it is "test", which would ship a dev build.
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      configFile: path.join(rootDir, 'web/vite.config.ts'),
      logLevel: 'warn',
      mode: 'production',
    });
  } finally {
    process.env.NODE_ENV = previous;
  }
  fs.writeFileSync(hashFile, wanted);
}

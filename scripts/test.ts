// npm test: static checks, then makes PostgreSQL + PostGIS and Chromium available (installing Debian packages
// when run as root), creates a throwaway database, and runs the unit and integration tiers (db, then e2e).
// Never skips a tier; prints each tier's wall time at the end, passed or not.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { runCli, StartupError } from '../api/src/startup-error.ts';
import { createDatabase, dropDatabases } from './test/test-database.ts';
import type { TierTimes } from './test/tier-times.ts';

const isRoot = process.getuid?.() === 0;
const hasApt = fs.existsSync('/usr/bin/apt-get');
let aptUpdated = false;

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): void {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env });
  if (r.status !== 0) throw new StartupError(`\`${cmd} ${args.join(' ')}\` failed`, 'see the output above');
}

function aptInstall(packages: string[], why: string): void {
  if (!isRoot || !hasApt) {
    throw new StartupError(
      `${why} is missing`,
      `install the Debian packages ${packages.join(' ')} (as root)`,
    );
  }
  console.log(`▶ installing ${packages.join(' ')} (${why})`);
  if (!aptUpdated) {
    run('apt-get', ['update', '-qq']);
    aptUpdated = true;
  }
  run('apt-get', ['install', '-y', '-qq', ...packages], {
    ...process.env,
    DEBIAN_FRONTEND: 'noninteractive',
  });
}

async function canConnect(url: string): Promise<boolean> {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await c.connect();
    await c.end();
    return true;
  } catch {
    return false;
  }
}

async function ensurePostgres(adminUrl: string): Promise<void> {
  if (await canConnect(adminUrl)) return;
  if (process.env.TEST_DATABASE_URL) {
    throw new StartupError(
      `cannot connect to TEST_DATABASE_URL`,
      'check that it points at a running PostgreSQL',
    );
  }
  if (!fs.existsSync('/usr/bin/pg_ctlcluster'))
    aptInstall(['postgresql', 'postgresql-contrib'], 'PostgreSQL');
  const versions = fs.readdirSync('/etc/postgresql');
  for (const v of versions)
    spawnSync('pg_ctlcluster', ['--skip-systemctl-redirect', v, 'main', 'start'], { stdio: 'inherit' });
  for (let i = 0; i < 20 && !(await canConnect(adminUrl)); i++) await new Promise((r) => setTimeout(r, 500));
  if (!(await canConnect(adminUrl))) {
    throw new StartupError(
      `no PostgreSQL answers at ${adminUrl}`,
      'start one (trust auth for user postgres on 127.0.0.1:5432) or set TEST_DATABASE_URL',
    );
  }
}

async function ensurePostgis(adminUrl: string): Promise<void> {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  const { rows } = await c.query(
    "SELECT current_setting('server_version_num')::int / 10000 AS major, EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'postgis') AS has",
  );
  await c.end();
  if (!rows[0].has) aptInstall([`postgresql-${rows[0].major}-postgis-3`], 'PostGIS for the test PostgreSQL');
}

function ensureChromium(): void {
  // A CJK font so screenshots show Chinese text as text, not boxes.
  const missing = [
    ...(fs.existsSync('/usr/bin/chromium') ? [] : ['chromium']),
    ...(fs.existsSync('/usr/share/fonts/truetype/wqy/wqy-microhei.ttc') ? [] : ['fonts-wqy-microhei']),
  ];
  if (missing.length) aptInstall(missing, 'the browser for end-to-end tests');
}

/** Each tier's wall time, printed at the end whether the run passed or not. */
const times: { tier: string; ms: number; passed: boolean | null }[] = [];

function timed(tier: string, work: () => void): boolean {
  const started = performance.now();
  let passed = false;
  try {
    work();
    passed = true;
  } finally {
    times.push({ tier, ms: performance.now() - started, passed });
  }
  return passed;
}

/** Runs vitest; false when a test failed. The projects' own times come from the tier-times reporter. */
function vitest(tier: string, projects: string[], env: NodeJS.ProcessEnv): boolean {
  const timesFile = path.join(os.tmpdir(), `city-tier-times-${process.pid}-${tier}.json`);
  const args = ['vitest', 'run', ...projects.flatMap((p) => ['--project', p])];
  const reporters = ['--reporter=default', '--reporter=./scripts/test/tier-times.ts'];
  const started = performance.now();
  const r = spawnSync('npx', [...args, ...reporters], {
    stdio: 'inherit',
    env: { ...env, TIER_TIMES_FILE: timesFile },
  });
  const ms = performance.now() - started;
  const passed = r.status === 0;
  try {
    const measured = JSON.parse(fs.readFileSync(timesFile, 'utf8')) as TierTimes;
    fs.rmSync(timesFile);
    if (projects.length > 1) times.push({ tier: `${tier}: start-up`, ms: measured.startupMs, passed: null });
    for (const p of projects)
      times.push({
        tier: projects.length > 1 ? `${tier}: ${p}` : p,
        ms: measured.projects[p] ?? 0,
        passed: null,
      });
  } catch {
    // vitest ended before reporting: only the whole command's time is known
  }
  times.push({ tier: projects.length > 1 ? `${tier} (all)` : `${tier} (with start-up)`, ms, passed });
  return passed;
}

function printTimes(): void {
  console.log('\n▶ wall time per tier');
  for (const t of times) {
    const mark = t.passed === null ? ' ' : t.passed ? '✓' : '✗';
    console.log(`  ${mark} ${t.tier.padEnd(28)} ${(t.ms / 1000).toFixed(1).padStart(7)} s`);
  }
}

await runCli(async () => {
  try {
    await runTiers();
  } finally {
    printTimes();
  }
});

async function runTiers(): Promise<void> {
  timed('static checks', () => {
    console.log('▶ type check and lint');
    run('npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']);
    run('npx', ['biome', 'check', '.']);
  });

  const given = process.env.TEST_DATABASE_URL;
  const adminUrl = given ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
  await ensurePostgres(adminUrl);
  await ensurePostgis(adminUrl);
  ensureChromium();

  // The integration tiers make a template and a copy per file next to this database (and drop them).
  let testUrl = adminUrl;
  let drop = async () => {};
  if (!given) {
    const name = `city_test_${Date.now()}`;
    testUrl = await createDatabase(adminUrl, name);
    drop = () => dropDatabases(adminUrl, [name]);
    console.log(`▶ throwaway database ${name}`);
  }
  try {
    timed('web build', () => {
      console.log('▶ building the web app');
      execFileSync(
        'npx',
        [
          'tsx',
          '-e',
          "import('./scripts/web-build.ts').then(m => m.ensureWebBuild(process.cwd(), console.log))",
        ],
        { stdio: 'inherit' },
      );
    });
    const env = { ...process.env, TEST_DATABASE_URL: testUrl };
    console.log('▶ unit tests');
    const unit = vitest('unit', ['unit'], env);
    console.log('▶ integration tests (db, then e2e)');
    const integration = vitest('integration', ['db', 'e2e'], env);
    if (!unit || !integration)
      throw new StartupError(
        `the ${unit ? 'integration' : integration ? 'unit' : 'unit and integration'} tests failed`,
        'see the output above',
      );
  } finally {
    await drop();
  }
}

// npm test: static checks, then makes PostgreSQL + PostGIS and Chromium available (installing Debian packages
// when run as root), creates a throwaway database, and runs the unit and integration tiers. Never skips a tier.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import pg from 'pg';
import { runCli, StartupError } from '../api/src/startup-error.ts';

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

await runCli(async () => {
  console.log('▶ type check and lint');
  run('npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']);
  run('npx', ['biome', 'check', '.']);

  const given = process.env.TEST_DATABASE_URL;
  const adminUrl = given ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
  await ensurePostgres(adminUrl);
  await ensurePostgis(adminUrl);
  ensureChromium();

  let testUrl = adminUrl;
  let drop = async () => {};
  if (!given) {
    const name = `city_test_${Date.now()}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    testUrl = url.href;
    drop = async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    };
    console.log(`▶ throwaway database ${name}`);
  }
  try {
    console.log('▶ building the web app');
    execFileSync(
      'npx',
      [
        'tsx',
        '-e',
        "import('./scripts/web-build.ts').then(m => m.ensureWebBuild(process.cwd(), console.log))",
      ],
      {
        stdio: 'inherit',
      },
    );
    console.log('▶ unit and integration tests');
    run('npx', ['vitest', 'run'], { ...process.env, TEST_DATABASE_URL: testUrl });
  } finally {
    await drop();
  }
});

// The test databases. `npm test` (or the caller) gives TEST_DATABASE_URL; the integration tiers' global setup
// migrates and seeds a template next to it once (`<name>_tmpl`), and every test file gets its own copy of the
// template (`<name>_f…`, scripts/test/file-database.ts), so no file sees another's rows. Integration tests
// fail loudly without a database; they never skip.
import pg from 'pg';

export function testDatabaseUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    throw new Error(
      'TEST_DATABASE_URL is not set: run the integration tests through `npm test`, which provides PostGIS',
    );
  }
  return url;
}

/** The databases one integration run makes next to the given one, and where to connect to make them. */
export interface TestDatabases {
  /** The given TEST_DATABASE_URL: the connection used to create and drop the others. */
  adminUrl: string;
  /** Migrated and seeded once; never connected to while it is copied. */
  template: string;
  /** Every copy's name starts with this. */
  copyPrefix: string;
}

export function testDatabases(adminUrl: string): TestDatabases {
  const name = new URL(adminUrl).pathname.slice(1);
  if (!/^\w+$/.test(name))
    throw new Error(`TEST_DATABASE_URL names the database "${name}": use [A-Za-z0-9_]`);
  return { adminUrl, template: `${name}_tmpl`, copyPrefix: `${name}_f` };
}

/** The same server and credentials, another database. */
export function databaseUrl(base: string, name: string): string {
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.href;
}

async function onAdmin<T>(adminUrl: string, work: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  try {
    return await work(c);
  } finally {
    await c.end();
  }
}

/** Creates `name` (empty, or a copy of `template`). */
export async function createDatabase(adminUrl: string, name: string, template?: string): Promise<string> {
  await onAdmin(adminUrl, (c) =>
    c.query(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template} STRATEGY FILE_COPY` : ''}`),
  ).catch((error: Error) => {
    throw new Error(
      `creating the test database ${name}${template ? ` from ${template}` : ''}: ${error.message}`,
    );
  });
  return databaseUrl(adminUrl, name);
}

/** Drops these databases, closing their connections first. */
export async function dropDatabases(adminUrl: string, names: readonly string[]): Promise<void> {
  if (names.length === 0) return;
  await onAdmin(adminUrl, async (c) => {
    for (const name of names) await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  });
}

/** The databases on the server whose names start with `prefix` (e.g. copies a killed worker left behind). */
export async function databasesNamed(adminUrl: string, prefix: string): Promise<string[]> {
  return onAdmin(adminUrl, async (c) => {
    const { rows } = await c.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE starts_with(datname, $1) AND datname ~ '^\\w+$'",
      [prefix],
    );
    return rows.map((r) => r.datname);
  });
}

/**
 * A fresh, empty database next to the test database, dropped by the returned function (named after the file's
 * copy, so the run's end drops it too if the file never got to).
 */
export async function createScratchDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const base = testDatabaseUrl();
  const name = `${new URL(base).pathname.slice(1)}_s${process.pid}_${Date.now().toString(36)}`;
  const url = await createDatabase(base, name);
  return { url, drop: () => dropDatabases(base, [name]) };
}

// npm run migrate: applies db/migrations to DATABASE_URL (or the embedded database) and installs the default
// alert rule pack.
import { installDefaultRules } from '../api/src/alerts/default-rules.ts';
import { loadConfig } from '../api/src/config.ts';
import { runCli } from '../api/src/startup-error.ts';
import { migrate, migrationStatus } from '../api/src/store/migrate.ts';
import { openDatabase } from './database.ts';

await runCli(async () => {
  const config = loadConfig();
  const db = await openDatabase(config);
  try {
    const applied = await migrate(db.pool, config.migrationsDir);
    await installDefaultRules(db.pool);
    const status = await migrationStatus(db.pool);
    console.log(
      applied.length ? `applied ${applied.join(', ')}` : 'database is up to date',
      `(version ${status.version}, ${db.mode})`,
    );
  } finally {
    await db.close();
  }
});

// npm run token -- --role <role> [--area <code>]: prints a new bearer token for that role and scope (stored
// hashed; shown once). Also --list and --revoke <id>. Audited under the operating-system user.
import { parseArgs } from 'node:util';
import { createToken, revokeApiToken } from '../api/src/access/accounts.service.ts';
import { ROLES } from '../api/src/access/roles.ts';
import { loadConfig } from '../api/src/config.ts';
import { runCli, StartupError } from '../api/src/startup-error.ts';
import { listTokens, type TokenRow } from '../api/src/store/accounts.repo.ts';
import { migrate } from '../api/src/store/migrate.ts';
import { cliActor } from './access/cli-actor.ts';
import { openDatabase } from './database.ts';

const USAGE = `usage:
  npm run token -- --role <role> [--area <district or street code>] [--unit <unit code>] [--name <name>] [--days <n>]
  npm run token -- --list
  npm run token -- --revoke <id>
roles: ${ROLES.join(', ')}`;

function describe(t: TokenRow): string {
  const state = t.revoked_at
    ? 'revoked'
    : t.expires_at < new Date()
      ? 'expired'
      : `until ${t.expires_at.toISOString()}`;
  return `${String(t.id).padStart(4)}  ${t.prefix}…  ${t.name.padEnd(24)} ${t.role.padEnd(13)} ${(t.area_code ?? 'city').padEnd(10)} ${state}`;
}

await runCli(async () => {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      options: {
        role: { type: 'string' },
        area: { type: 'string' },
        unit: { type: 'string' },
        name: { type: 'string' },
        days: { type: 'string' },
        list: { type: 'boolean' },
        revoke: { type: 'string' },
      },
    }));
  } catch (cause) {
    throw new StartupError((cause as Error).message, USAGE);
  }
  if (!values.list && !values.revoke && !values.role)
    throw new StartupError('say --role, --list or --revoke', USAGE);
  const config = loadConfig();
  const days = values.days === undefined ? config.access.tokenDays : Number(values.days);
  const db = await openDatabase(config);
  try {
    await migrate(db.pool, config.migrationsDir);
    const actor = cliActor();
    if (values.list) {
      for (const t of await listTokens(db.pool)) console.log(describe(t));
      return;
    }
    if (typeof values.revoke === 'string') {
      const id = Number(values.revoke);
      if (!Number.isSafeInteger(id)) throw new StartupError(`"${values.revoke}" is not a token id`, USAGE);
      console.log(`revoked ${describe(await revokeApiToken(db.pool, actor, id)).trim()}`);
      return;
    }
    const role = values.role as string;
    const area = (values.area as string | undefined) ?? null;
    const { token, row } = await createToken(db.pool, actor, {
      name:
        (values.name as string | undefined) ??
        `${role}${area ? `-${area}` : ''}-${new Date().toISOString().slice(0, 10)}`,
      role,
      areaCode: area,
      unitCode: (values.unit as string | undefined) ?? null,
      days,
    });
    process.stderr.write(
      `created ${describe(row).trim()}\nsend it as "Authorization: Bearer <token>"; it is not shown again:\n`,
    );
    console.log(token);
  } finally {
    await db.close();
  }
});

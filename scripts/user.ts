// npm run user -- <command>: manage accounts without the web UI (for deployments and scripts). Every change is
// audited under the operating-system user. Works beside a running `npm start` on the embedded database.
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { changeUser, createUser, resetPassword, unlockAccount } from '../api/src/access/accounts.service.ts';
import { USER_ROLES } from '../api/src/access/roles.ts';
import { loadConfig } from '../api/src/config.ts';
import { runCli, StartupError } from '../api/src/startup-error.ts';
import { listUsers, type UserRow } from '../api/src/store/accounts.repo.ts';
import { migrate } from '../api/src/store/migrate.ts';
import { cliActor } from './access/cli-actor.ts';
import { openDatabase } from './database.ts';

const USAGE = `usage:
  npm run user -- list
  npm run user -- add <username> --role <role> [--area <district or street code>] [--unit <unit code>]
                      [--name <display name>] [--password-stdin]
  npm run user -- set <username> [--role <role>] [--area <code>|city] [--unit <code>] [--name <display name>]
  npm run user -- passwd <username> [--password-stdin]
  npm run user -- disable|enable|unlock <username>
roles: ${USER_ROLES.join(', ')}. Without --password-stdin a random password is generated and printed once.`;

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

function randomPassword(): string {
  return `${randomBytes(12).toString('base64url')}-7a`;
}

function describe(u: UserRow): string {
  const flags = [
    u.disabled && 'disabled',
    u.locked_until && u.locked_until > new Date() && 'locked',
    u.demo && 'demo',
  ]
    .filter(Boolean)
    .join(', ');
  return `${String(u.id).padStart(4)}  ${u.username.padEnd(16)} ${u.role.padEnd(13)} ${(u.area_code ?? 'city').padEnd(10)} ${u.unit_code ?? ''}${flags ? `  [${flags}]` : ''}`;
}

await runCli(async () => {
  let parsed: ReturnType<typeof parse>;
  function parse() {
    return parseArgs({
      allowPositionals: true,
      options: {
        role: { type: 'string' },
        area: { type: 'string' },
        unit: { type: 'string' },
        name: { type: 'string' },
        'password-stdin': { type: 'boolean' },
      },
    });
  }
  try {
    parsed = parse();
  } catch (cause) {
    throw new StartupError((cause as Error).message, USAGE);
  }
  const [command, username] = parsed.positionals;
  const v = parsed.values;
  if (!command || (command !== 'list' && !username))
    throw new StartupError('missing command or username', USAGE);

  const config = loadConfig();
  const db = await openDatabase(config);
  try {
    await migrate(db.pool, config.migrationsDir);
    const actor = cliActor();
    const users = await listUsers(db.pool);
    if (command === 'list') {
      console.log('  id  username         role          area       unit');
      for (const u of users) console.log(describe(u));
      return;
    }
    const password = async () => (v['password-stdin'] ? await readStdin() : randomPassword());
    if (command === 'add') {
      if (!v.role) throw new StartupError('add needs --role', USAGE);
      const pw = await password();
      const user = await createUser(db.pool, actor, {
        username: username!,
        displayName: v.name ?? username!,
        role: v.role,
        areaCode: v.area ?? null,
        unitCode: v.unit ?? null,
        password: pw,
      });
      console.log(`created ${describe(user).trim()}`);
      if (!v['password-stdin']) console.log(`password (shown once): ${pw}`);
      return;
    }
    const user = users.find((u) => u.username === username!.trim().toLowerCase());
    if (!user) throw new StartupError(`no user is called "${username}"`, 'see npm run user -- list');
    let changed: UserRow;
    switch (command) {
      case 'set':
        changed = await changeUser(db.pool, actor, user.id, {
          displayName: v.name,
          role: v.role,
          areaCode: v.area === 'city' ? null : v.area,
          unitCode: v.unit,
        });
        break;
      case 'disable':
      case 'enable':
        changed = await changeUser(db.pool, actor, user.id, { disabled: command === 'disable' });
        break;
      case 'unlock':
        changed = await unlockAccount(db.pool, actor, user.id);
        break;
      case 'passwd': {
        const pw = await password();
        changed = await resetPassword(db.pool, actor, user.id, pw);
        if (!v['password-stdin']) console.log(`new password (shown once): ${pw}`);
        break;
      }
      default:
        throw new StartupError(`unknown command "${command}"`, USAGE);
    }
    console.log(`${command}: ${describe(changed).trim()}`);
  } finally {
    await db.close();
  }
});

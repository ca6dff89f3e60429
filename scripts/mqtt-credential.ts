// npm run mqtt-credential -- <command>: MQTT credentials for devices, construction sites, gateways and the
// ingest of an external broker, without the web UI. Changes are audited under the operating-system user.
// Works beside a running `npm start` on the embedded database.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { issueMqttCredential, revokeMqttCredential } from '../api/src/access/mqtt-credentials.service.ts';
import { loadConfig } from '../api/src/config.ts';
import { ACL_FILE, exportMosquittoFiles, PASSWORD_FILE } from '../api/src/ingest/mosquitto-export.ts';
import { runCli, StartupError } from '../api/src/startup-error.ts';
import { migrate } from '../api/src/store/migrate.ts';
import { listMqttCredentials, type MqttCredentialRow } from '../api/src/store/mqtt-credentials.repo.ts';
import { cliActor } from './access/cli-actor.ts';
import { openDatabase } from './database.ts';

const USAGE = `usage:
  npm run mqtt-credential -- issue --device <device code> | --project <construction site code>
                                   | --all-devices | --ingest   [--username <name>]
  npm run mqtt-credential -- list [--code <device or site code>] [--revoked]
  npm run mqtt-credential -- revoke <username>
  npm run mqtt-credential -- export-mosquitto <dir>   (writes ${PASSWORD_FILE} and ${ACL_FILE} for Mosquitto)
issue prints the password once, on stdout.`;

function describe(c: MqttCredentialRow): string {
  const target = c.device_code ?? c.project_code ?? '';
  const state = c.revoked_at
    ? `revoked ${c.revoked_at.toISOString()}`
    : c.last_used_at
      ? `used ${c.last_used_at.toISOString()}`
      : 'never used';
  return `${String(c.id).padStart(5)}  ${c.username.padEnd(32)} ${c.scope.padEnd(11)} ${target.padEnd(18)} ${state}`;
}

await runCli(async () => {
  let parsed: ReturnType<typeof parse>;
  function parse() {
    return parseArgs({
      allowPositionals: true,
      options: {
        device: { type: 'string' },
        project: { type: 'string' },
        'all-devices': { type: 'boolean' },
        ingest: { type: 'boolean' },
        username: { type: 'string' },
        code: { type: 'string' },
        revoked: { type: 'boolean' },
      },
    });
  }
  try {
    parsed = parse();
  } catch (cause) {
    throw new StartupError((cause as Error).message, USAGE);
  }
  const [command, argument] = parsed.positionals;
  const v = parsed.values;
  const commands = ['issue', 'list', 'revoke', 'export-mosquitto'];
  if (!command || !commands.includes(command))
    throw new StartupError(`say one of ${commands.join(', ')}`, USAGE);
  let scope: { scope: string; code: string | null } | null = null;
  if (command === 'issue') {
    const chosen = [
      v.device !== undefined && { scope: 'device', code: v.device },
      v.project !== undefined && { scope: 'project', code: v.project },
      v['all-devices'] && { scope: 'all_devices', code: null },
      v.ingest && { scope: 'ingest', code: null },
    ].filter((x): x is { scope: string; code: string | null } => Boolean(x));
    if (chosen.length !== 1)
      throw new StartupError('issue needs one of --device, --project, --all-devices, --ingest', USAGE);
    scope = chosen[0]!;
  }
  if ((command === 'revoke' || command === 'export-mosquitto') && !argument) {
    throw new StartupError(`${command} needs ${command === 'revoke' ? 'a username' : 'a folder'}`, USAGE);
  }

  const config = loadConfig();
  const prefix = config.ingest.mqttTopicPrefix;
  const db = await openDatabase(config);
  try {
    await migrate(db.pool, config.migrationsDir);
    const actor = cliActor();
    switch (command) {
      case 'issue': {
        const { secret, row } = await issueMqttCredential(db.pool, actor, {
          ...scope!,
          username: v.username ?? null,
        });
        const topics =
          row.scope === 'ingest'
            ? `reads ${prefix}/# (put it in MQTT_URL: mqtt://${row.username}:<password>@<broker>)`
            : `publishes to ${prefix}/<device>[/<metric>] for ${row.device_code ?? (row.project_code ? `the devices of ${row.project_code}` : 'any device')}`;
        process.stderr.write(
          `issued ${describe(row).trim()}\n  username ${row.username}; ${topics}\n` +
            `  an external Mosquitto learns it from export-mosquitto (or MQTT_AUTH_DIR). The password, shown once:\n`,
        );
        console.log(secret);
        return;
      }
      case 'list': {
        const rows = await listMqttCredentials(db.pool, {
          code: v.code?.trim().toUpperCase() ?? null,
          includeRevoked: v.revoked ?? false,
          limit: 100_000,
        });
        console.log('   id  username                         scope       device/site        state');
        for (const c of rows) console.log(describe(c));
        return;
      }
      case 'revoke': {
        const row = await revokeMqttCredential(db.pool, actor, argument!);
        console.log(`revoked ${describe(row).trim()}`);
        if (config.ingest.mqttUrl) {
          console.log(
            '  an external Mosquitto refuses it once the files are exported again (export-mosquitto)',
          );
        }
        return;
      }
      case 'export-mosquitto': {
        const dir = path.resolve(argument!);
        const { changed, files } = await exportMosquittoFiles(db.pool, dir, prefix);
        const n = files.credentials.length;
        console.log(
          `${changed ? 'wrote' : 'unchanged:'} ${path.join(dir, PASSWORD_FILE)} and ${path.join(dir, ACL_FILE)}, ${n} active credential${n === 1 ? '' : 's'}, topics under ${prefix}/`,
        );
        if (changed)
          console.log('  Mosquitto reads them at start and on SIGHUP (deploy/mosquitto/run.sh sends it)');
        const ingestUser = config.ingest.mqttUrl
          ? decodeURIComponent(new URL(config.ingest.mqttUrl).username)
          : '';
        if (ingestUser && !files.credentials.some((c) => c.username === ingestUser && c.scope === 'ingest')) {
          process.stderr.write(
            `warning: MQTT_URL names the user "${ingestUser}", which is not an active ingest credential: the API will not be able to read readings (issue one with --ingest)\n`,
          );
        }
        return;
      }
    }
  } finally {
    await db.close();
  }
});

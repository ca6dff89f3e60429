// What an MQTT credential may do, in one place for both brokers: the embedded broker asks `publishRefusal`
// for every message, and the files exported for Mosquitto (password_file, acl_file) say the same in
// Mosquitto's syntax. Pure.
//
// Readings topics are <prefix>/<device code> and <prefix>/<device code>/<metric>. A credential publishes only
// the readings of the devices it owns (one device, the devices of one construction site, or any device for a
// gateway); an ingest credential reads every reading and publishes nothing; nothing else is allowed.

export const MQTT_SCOPES = ['device', 'project', 'all_devices', 'ingest'] as const;
export type MqttScope = (typeof MQTT_SCOPES)[number];

export interface MqttGrant {
  scope: MqttScope;
  /** Device codes whose readings it may publish; null: any device (all_devices). */
  devices: ReadonlySet<string> | null;
  revoked: boolean;
}

/** The device a readings topic names; null when the topic is not <prefix>/<device>[/<metric>]. */
export function readingsTopicDevice(prefix: string, topic: string): string | null {
  if (!topic.startsWith(`${prefix}/`)) return null;
  const parts = topic.slice(prefix.length + 1).split('/');
  if (parts.length > 2 || parts.some((p) => p === '' || p.includes('+') || p.includes('#'))) return null;
  return parts[0]!;
}

/** Why the grant may not publish to the topic; null when it may. */
export function publishRefusal(grant: MqttGrant, prefix: string, topic: string): string | null {
  if (grant.revoked) return 'the credential is revoked';
  if (grant.scope === 'ingest') return 'an ingest credential publishes nothing';
  const device = readingsTopicDevice(prefix, topic);
  if (device === null) return `not a readings topic (${prefix}/<device>[/<metric>])`;
  if (grant.devices !== null && !grant.devices.has(device)) return `not one of its devices (${device})`;
  return null;
}

/** A credential as the Mosquitto files need it: active ones only, devices already resolved. */
export interface ExportedCredential {
  username: string;
  secretHash: string;
  scope: MqttScope;
  /** device: its code; project: the site's code. */
  code: string | null;
  /** device and project: the devices it publishes for (those that exist). */
  devices: readonly string[];
}

const HEADER =
  '# Generated from the mqtt_credentials table by `npm run mqtt-credential -- export-mosquitto` (or the API\n' +
  '# with MQTT_AUTH_DIR set). Do not edit: issue and revoke credentials, then export again.\n';

/** Mosquitto's password_file: `username:$7$…` per active credential. */
export function mosquittoPasswordFile(credentials: readonly ExportedCredential[]): string {
  return credentials.map((c) => `${c.username}:${c.secretHash}\n`).join('');
}

/** The topics a credential may use, as Mosquitto ACL lines. */
export function mosquittoAclLines(credential: ExportedCredential, prefix: string): string[] {
  switch (credential.scope) {
    case 'ingest':
      // Covers the API's shared subscription ($share/<group>/<prefix>/#) too: Mosquitto checks the topic.
      return [`topic read ${prefix}/#`];
    case 'all_devices':
      return [`topic write ${prefix}/+`, `topic write ${prefix}/+/+`];
    default:
      return credential.devices.flatMap((d) => [
        `topic write ${prefix}/${d}`,
        `topic write ${prefix}/${d}/+`,
      ]);
  }
}

function describe(c: ExportedCredential): string {
  switch (c.scope) {
    case 'device':
      return `device ${c.code}`;
    case 'project':
      return `the ${c.devices.length} devices of site ${c.code}`;
    case 'all_devices':
      return 'every device (gateway)';
    case 'ingest':
      return 'reads every reading (the API ingest)';
  }
}

/**
 * Mosquitto's acl_file: one `user` block per active credential. With an acl_file Mosquitto denies whatever
 * is not granted, so a credential whose devices are gone gets a block with no topics.
 */
export function mosquittoAclFile(credentials: readonly ExportedCredential[], prefix: string): string {
  const blocks = credentials.map((c) =>
    [`# ${describe(c)}`, `user ${c.username}`, ...mosquittoAclLines(c, prefix)].join('\n'),
  );
  return `${HEADER}\n${blocks.join('\n\n')}${blocks.length ? '\n' : ''}`;
}

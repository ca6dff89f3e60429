// MQTT credentials for devices and gateways, and the refusals of MQTT clients, for administrators
// (admin:manage). Changes go through access/mqtt-credentials.service.ts, which audits them in the same
// transaction.
import { issueMqttCredential, revokeMqttCredential } from '../../access/mqtt-credentials.service.ts';
import { DomainError } from '../../domain-error.ts';
import {
  countMqttRefusals,
  listMqttCredentials,
  type MqttCredentialRow,
  type MqttRefusalRow,
  recentMqttRefusals,
} from '../../store/mqtt-credentials.repo.ts';
import { builder } from '../builder.ts';

const ADMIN = { permission: 'admin:manage' } as const;
const MAX_LIST = 500;
const DAY_MS = 86_400_000;

const MqttCredentialScopeEnum = builder.enumType('MqttCredentialScope', {
  description: 'What an MQTT credential may do.',
  values: {
    DEVICE: { value: 'device', description: 'Publish the readings of one device.' },
    PROJECT: {
      value: 'project',
      description: 'Publish the readings of the devices of one construction site (项目), by its code.',
    },
    ALL_DEVICES: { value: 'all_devices', description: 'Publish the readings of any device (a gateway).' },
    INGEST: {
      value: 'ingest',
      description: "Read every reading (the API's subscriber to an external broker); publish nothing.",
    },
  } as const,
});

const MqttCredential = builder.objectRef<MqttCredentialRow>('MqttCredential').implement({
  description:
    'A username and secret an MQTT client connects with. The secret is shown once, when issued, and kept only ' +
    "as Mosquitto's PBKDF2-SHA512 hash.",
  fields: (t) => ({
    id: t.exposeInt('id'),
    username: t.exposeString('username'),
    scope: t.field({ type: MqttCredentialScopeEnum, resolve: (c) => c.scope }),
    deviceCode: t.exposeString('device_code', { nullable: true, description: 'DEVICE: the device.' }),
    projectCode: t.exposeString('project_code', {
      nullable: true,
      description: 'PROJECT: the construction site.',
    }),
    issuedBy: t.exposeString('issued_by'),
    issuedAt: t.field({ type: 'DateTime', resolve: (c) => c.issued_at }),
    revokedAt: t.field({ type: 'DateTime', nullable: true, resolve: (c) => c.revoked_at }),
    lastUsedAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'The last connection to the embedded broker (to the minute).',
      resolve: (c) => c.last_used_at,
    }),
  }),
});

const IssuedMqttCredential = builder
  .objectRef<{ secret: string; row: MqttCredentialRow }>('IssuedMqttCredential')
  .implement({
    fields: (t) => ({
      password: t.exposeString('secret', {
        description:
          'The MQTT password to connect with, together with the username. It cannot be shown again.',
      }),
      credential: t.field({ type: MqttCredential, resolve: (c) => c.row }),
    }),
  });

const NewMqttCredentialInput = builder.inputType('NewMqttCredentialInput', {
  fields: (t) => ({
    scope: t.field({ type: MqttCredentialScopeEnum, required: true }),
    code: t.string({ description: "DEVICE: the device's code; PROJECT: the construction site's code." }),
    username: t.string({
      description: '3–64 of a–z, 0–9, ".", "_", "-"; default: from the code and a random suffix.',
    }),
  }),
});

const MqttRefusalReasonCount = builder
  .objectRef<{ reason: string; count: number; last_at: Date }>('MqttRefusalCount')
  .implement({
    fields: (t) => ({
      reason: t.exposeString('reason', { description: 'UNAUTHENTICATED or FORBIDDEN.' }),
      count: t.exposeInt('count'),
      lastAt: t.field({ type: 'DateTime', resolve: (r) => r.last_at }),
    }),
  });

const MqttRefusal = builder.objectRef<MqttRefusalRow>('MqttRefusal').implement({
  fields: (t) => ({
    at: t.field({ type: 'DateTime', resolve: (r) => r.received_at }),
    reason: t.exposeString('reason'),
    actor: t.exposeString('actor', { description: 'The username, or client:<client id> without one.' }),
    message: t.exposeString('message'),
    item: t.exposeString('item', {
      description: 'What was refused: CONNECT, PUBLISH <topic>, SUBSCRIBE <filter>.',
    }),
  }),
});

const MqttRefusals = builder
  .objectRef<{
    since: Date;
    byReason: { reason: string; count: number; last_at: Date }[];
    recent: MqttRefusalRow[];
  }>('MqttRefusals')
  .implement({
    description:
      'Connections and messages the embedded MQTT broker refused (kept in ingest_rejects with source mqtt).',
    fields: (t) => ({
      since: t.field({ type: 'DateTime', resolve: (r) => r.since }),
      total: t.int({ resolve: (r) => r.byReason.reduce((s, x) => s + x.count, 0) }),
      byReason: t.field({ type: [MqttRefusalReasonCount], resolve: (r) => r.byReason }),
      recent: t.field({ type: [MqttRefusal], resolve: (r) => r.recent }),
    }),
  });

builder.queryFields((t) => ({
  mqttCredentials: t.field({
    type: [MqttCredential],
    description: 'MQTT credentials, newest first, without secrets.',
    authScopes: ADMIN,
    args: {
      code: t.arg.string({ description: 'Only those of this device or construction site.' }),
      includeRevoked: t.arg.boolean({ defaultValue: false }),
      first: t.arg.int({ defaultValue: 100, description: `At most ${MAX_LIST}.` }),
    },
    resolve: (_root, args, ctx) => {
      const first = args.first ?? 100;
      if (!Number.isInteger(first) || first < 1 || first > MAX_LIST) {
        throw new DomainError('LIMIT_EXCEEDED', `first is 1 to ${MAX_LIST}`);
      }
      return listMqttCredentials(ctx.db, {
        code: args.code?.trim().toUpperCase().slice(0, 40) || null,
        includeRevoked: args.includeRevoked ?? false,
        limit: first,
      });
    },
  }),
  mqttRefusals: t.field({
    type: MqttRefusals,
    authScopes: ADMIN,
    args: {
      since: t.arg({ type: 'DateTime', description: 'Default: the last 24 hours.' }),
      recent: t.arg.int({ defaultValue: 20, description: 'How many of the latest to list, at most 200.' }),
    },
    resolve: async (_root, args, ctx) => {
      const recent = args.recent ?? 20;
      if (!Number.isInteger(recent) || recent < 0 || recent > 200) {
        throw new DomainError('LIMIT_EXCEEDED', 'recent is 0 to 200');
      }
      const since = (args.since as Date | null | undefined) ?? new Date(Date.now() - DAY_MS);
      const [byReason, rows] = await Promise.all([
        countMqttRefusals(ctx.db, since),
        recent > 0 ? recentMqttRefusals(ctx.db, since, recent) : Promise.resolve([]),
      ]);
      return { since, byReason, recent: rows };
    },
  }),
}));

builder.mutationFields((t) => ({
  issueMqttCredential: t.field({
    type: IssuedMqttCredential,
    description:
      'A new MQTT username and password for a device, a construction site, a gateway or the ingest.',
    authScopes: ADMIN,
    args: { input: t.arg({ type: NewMqttCredentialInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      issueMqttCredential(ctx.pool, ctx.actor, {
        scope: input.scope,
        code: input.code ?? null,
        username: input.username ?? null,
      }),
  }),
  revokeMqttCredential: t.field({
    type: MqttCredential,
    description:
      'Stops a credential: the embedded broker refuses its next message within seconds and every new ' +
      'connection; an external Mosquitto once the files are exported again (MQTT_AUTH_DIR does it).',
    authScopes: ADMIN,
    args: { username: t.arg.string({ required: true }) },
    resolve: (_root, { username }, ctx) => revokeMqttCredential(ctx.pool, ctx.actor, username),
  }),
}));

// Users and API tokens, for administrators (admin:manage). Changes go through access/accounts.service.ts,
// which checks them and writes the audit entry in the same transaction.
import {
  changeUser,
  createToken,
  createUser,
  resetPassword,
  revokeApiToken,
  unlockAccount,
} from '../../access/accounts.service.ts';
import { listTokens, listUsers, type TokenRow, type UserRow } from '../../store/accounts.repo.ts';
import { builder } from '../builder.ts';
import { RoleEnum } from '../enums.ts';

const ADMIN = { permission: 'admin:manage' } as const;

const User = builder.objectRef<UserRow>('User').implement({
  description: 'A person who signs in to the web app.',
  fields: (t) => ({
    id: t.exposeInt('id'),
    username: t.exposeString('username'),
    displayName: t.exposeString('display_name'),
    role: t.field({ type: RoleEnum, resolve: (u) => u.role }),
    areaCode: t.exposeString('area_code', { nullable: true, description: 'null: the whole city.' }),
    unitCode: t.exposeString('unit_code', { nullable: true }),
    demo: t.exposeBoolean('demo', { description: 'Created by `npm start` for the demo city.' }),
    disabled: t.exposeBoolean('disabled'),
    failedLogins: t.exposeInt('failed_logins'),
    lockedUntil: t.field({ type: 'DateTime', nullable: true, resolve: (u) => u.locked_until }),
    lastLoginAt: t.field({ type: 'DateTime', nullable: true, resolve: (u) => u.last_login_at }),
    passwordChangedAt: t.field({ type: 'DateTime', resolve: (u) => u.password_changed_at }),
    createdAt: t.field({ type: 'DateTime', resolve: (u) => u.created_at }),
  }),
});

const ApiToken = builder.objectRef<TokenRow>('ApiToken').implement({
  description: 'A bearer token for another system or a script. The token itself is shown once, at creation.',
  fields: (t) => ({
    id: t.exposeInt('id'),
    name: t.exposeString('name'),
    prefix: t.exposeString('prefix', {
      description: 'The first characters of the token, to tell tokens apart.',
    }),
    role: t.field({ type: RoleEnum, resolve: (k) => k.role }),
    areaCode: t.exposeString('area_code', { nullable: true, description: 'null: the whole city.' }),
    unitCode: t.exposeString('unit_code', { nullable: true }),
    createdBy: t.exposeString('created_by'),
    createdAt: t.field({ type: 'DateTime', resolve: (k) => k.created_at }),
    expiresAt: t.field({ type: 'DateTime', resolve: (k) => k.expires_at }),
    revokedAt: t.field({ type: 'DateTime', nullable: true, resolve: (k) => k.revoked_at }),
    lastUsedAt: t.field({ type: 'DateTime', nullable: true, resolve: (k) => k.last_used_at }),
  }),
});

const CreatedApiToken = builder.objectRef<{ token: string; row: TokenRow }>('CreatedApiToken').implement({
  fields: (t) => ({
    token: t.exposeString('token', {
      description: 'Send as "Authorization: Bearer <token>". It cannot be shown again.',
    }),
    apiToken: t.field({ type: ApiToken, resolve: (c) => c.row }),
  }),
});

const NewUserInput = builder.inputType('NewUserInput', {
  fields: (t) => ({
    username: t.string({ required: true, description: '3–32 of a–z, 0–9, ".", "_", "-".' }),
    displayName: t.string({ required: true }),
    password: t.string({ required: true, description: '8–128 characters, two kinds of character at least.' }),
    role: t.field({ type: RoleEnum, required: true }),
    areaCode: t.string({ description: 'A district or street code; omit for the whole city.' }),
    unitCode: t.string({ description: 'Required for unit handlers: their responsible unit.' }),
  }),
});

const UserChangeInput = builder.inputType('UserChangeInput', {
  description:
    'What to change; fields left out keep their value. areaCode: null for the whole city. A new role other ' +
    'than UNIT_HANDLER drops the unit.',
  fields: (t) => ({
    displayName: t.string(),
    role: t.field({ type: RoleEnum }),
    areaCode: t.string(),
    unitCode: t.string(),
    disabled: t.boolean(),
  }),
});

const NewApiTokenInput = builder.inputType('NewApiTokenInput', {
  fields: (t) => ({
    name: t.string({ required: true }),
    role: t.field({ type: RoleEnum, defaultValue: 'api_client' }),
    areaCode: t.string({ description: 'A district or street code; omit for the whole city.' }),
    unitCode: t.string(),
    days: t.int({ description: 'Lifetime; the server default (TOKEN_DAYS, 90) when left out.' }),
  }),
});

builder.queryFields((t) => ({
  users: t.field({
    type: [User],
    description: 'Every account, by username.',
    authScopes: ADMIN,
    resolve: (_root, _args, ctx) => listUsers(ctx.db),
  }),
  apiTokens: t.field({
    type: [ApiToken],
    description: 'Every API token, newest first (without the secrets).',
    authScopes: ADMIN,
    resolve: (_root, _args, ctx) => listTokens(ctx.db),
  }),
}));

builder.mutationFields((t) => ({
  createUser: t.field({
    type: User,
    authScopes: ADMIN,
    args: { input: t.arg({ type: NewUserInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      createUser(ctx.pool, ctx.actor, {
        ...input,
        areaCode: input.areaCode ?? null,
        unitCode: input.unitCode ?? null,
      }),
  }),
  updateUser: t.field({
    type: User,
    description: 'Changing role, area or unit, or disabling, signs the user out everywhere.',
    authScopes: ADMIN,
    args: { id: t.arg.int({ required: true }), input: t.arg({ type: UserChangeInput, required: true }) },
    resolve: (_root, { id, input }, ctx) =>
      changeUser(ctx.pool, ctx.actor, id, {
        displayName: input.displayName ?? undefined,
        role: input.role ?? undefined,
        areaCode: input.areaCode,
        unitCode: input.unitCode,
        disabled: input.disabled ?? undefined,
      }),
  }),
  resetPassword: t.field({
    type: User,
    description: 'Sets a new password, lifts any lock and signs the user out everywhere.',
    authScopes: ADMIN,
    args: { id: t.arg.int({ required: true }), password: t.arg.string({ required: true }) },
    resolve: (_root, { id, password }, ctx) => resetPassword(ctx.pool, ctx.actor, id, password),
  }),
  unlockUser: t.field({
    type: User,
    description: 'Lifts a lock after repeated failed sign-ins.',
    authScopes: ADMIN,
    args: { id: t.arg.int({ required: true }) },
    resolve: (_root, { id }, ctx) => unlockAccount(ctx.pool, ctx.actor, id),
  }),
  createApiToken: t.field({
    type: CreatedApiToken,
    authScopes: ADMIN,
    args: { input: t.arg({ type: NewApiTokenInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      createToken(ctx.pool, ctx.actor, {
        name: input.name,
        role: input.role ?? 'api_client',
        areaCode: input.areaCode ?? null,
        unitCode: input.unitCode ?? null,
        days: input.days ?? ctx.access.tokenDays,
      }),
  }),
  revokeApiToken: t.field({
    type: ApiToken,
    description: 'Stops a token at once; revoking twice keeps the first time.',
    authScopes: ADMIN,
    args: { id: t.arg.int({ required: true }) },
    resolve: (_root, { id }, ctx) => revokeApiToken(ctx.pool, ctx.actor, id),
  }),
}));

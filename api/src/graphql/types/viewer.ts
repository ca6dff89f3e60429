// Who is asking: Query.me for the web app's header and for scripts checking their token, and the one change
// every person may make, their own password.

import { changeOwnPassword } from '../../access/accounts.service.ts';
import type { Principal } from '../../access/principal.ts';
import { permissionsOf, ROLE_LABELS } from '../../access/roles.ts';
import { builder } from '../builder.ts';
import { RoleEnum } from '../enums.ts';
import { Area } from './area.ts';

const PrincipalKindEnum = builder.enumType('PrincipalKind', {
  values: { USER: { value: 'user' }, TOKEN: { value: 'token' } },
});

const Viewer = builder.objectRef<Principal>('Viewer').implement({
  description: 'The signed-in user or API token making this request.',
  fields: (t) => ({
    kind: t.field({ type: PrincipalKindEnum, resolve: (p) => p.kind }),
    name: t.exposeString('name', { description: 'The username, or "token:<name>".' }),
    displayName: t.exposeString('displayName'),
    role: t.field({ type: RoleEnum, resolve: (p) => p.role }),
    roleName: t.string({
      args: { lang: t.arg.string({ defaultValue: 'zh', description: '"zh" or "en".' }) },
      resolve: (p, { lang }) => ROLE_LABELS[p.role][lang === 'en' ? 'en' : 'zh'],
    }),
    permissions: t.stringList({ resolve: (p) => [...permissionsOf(p.role)] }),
    area: t.field({
      type: Area,
      nullable: true,
      description: 'The district or street this viewer is limited to; null for the whole city.',
      resolve: (p) => p.scope?.code ?? null,
    }),
    unitCode: t.exposeString('unitCode', { nullable: true }),
    expiresAt: t.field({
      type: 'DateTime',
      description: 'When the session (extended by use) or token stops working.',
      resolve: (p) => p.expiresAt,
    }),
  }),
});

builder.queryField('me', (t) => t.field({ type: Viewer, resolve: (_root, _args, ctx) => ctx.viewer }));

builder.mutationField('changeMyPassword', (t) =>
  t.boolean({
    description:
      'Changes the signed-in person’s password; needs the current one (wrong guesses count toward the ' +
      'sign-in lock). Their other sessions end.',
    authScopes: { person: true },
    args: {
      currentPassword: t.arg.string({ required: true }),
      newPassword: t.arg.string({ required: true }),
    },
    resolve: async (_root, args, ctx) => {
      const actor = { ...ctx.actor, kind: 'user' as const, id: ctx.viewer.id };
      await changeOwnPassword(
        ctx.pool,
        ctx.access,
        actor,
        ctx.viewer.sessionKey,
        args.currentPassword,
        args.newPassword,
      );
      return true;
    },
  }),
);

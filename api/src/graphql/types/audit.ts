// The audit log for administrators (audit:read): every mutation and sign-in, newest first.
import { DomainError } from '../../domain-error.ts';
import { type AuditOutcome, type AuditRow, countAudit, findAuditPage } from '../../store/audit.repo.ts';
import { builder } from '../builder.ts';
import { decodeNumberCursor, encodeCursor, pageSize, toConnection } from '../pagination.ts';

const ActorKindEnum = builder.enumType('ActorKind', {
  values: {
    USER: { value: 'user' },
    TOKEN: { value: 'token' },
    CLI: { value: 'cli', description: 'The command line (npm run user / token).' },
    PUBLIC: { value: 'public', description: 'Someone not signed in (e.g. a failed sign-in).' },
    SYSTEM: { value: 'system' },
  },
});

const AuditOutcomeEnum = builder.enumType('AuditOutcome', {
  values: {
    OK: { value: 'ok' },
    DENIED: { value: 'denied', description: 'Refused: wrong credentials, locked, or not allowed.' },
    FAILED: { value: 'failed', description: 'Allowed, but the input was invalid or it went wrong.' },
  },
});

const AuditEntry = builder.objectRef<AuditRow>('AuditEntry').implement({
  fields: (t) => ({
    id: t.exposeInt('id'),
    at: t.field({ type: 'DateTime', resolve: (e) => e.at }),
    actorKind: t.field({ type: ActorKindEnum, resolve: (e) => e.actor_kind }),
    actorName: t.exposeString('actor_name'),
    action: t.exposeString('action', { description: 'The mutation or event, e.g. createUser, signIn.' }),
    outcome: t.field({ type: AuditOutcomeEnum, resolve: (e) => e.outcome }),
    targetType: t.exposeString('target_type', { nullable: true }),
    targetId: t.exposeString('target_id', { nullable: true }),
    ip: t.exposeString('ip', { nullable: true }),
    userAgent: t.exposeString('user_agent', { nullable: true }),
    before: t.field({ type: 'JSON', nullable: true, resolve: (e) => e.before }),
    after: t.field({ type: 'JSON', nullable: true, resolve: (e) => e.after }),
    detail: t.field({ type: 'JSON', nullable: true, resolve: (e) => e.detail }),
  }),
});

const AuditFilter = builder.inputType('AuditFilter', {
  fields: (t) => ({
    actorName: t.string(),
    action: t.string(),
    targetType: t.string(),
    targetId: t.string(),
    outcome: t.field({ type: AuditOutcomeEnum }),
    from: t.field({ type: 'DateTime' }),
    to: t.field({ type: 'DateTime', description: 'Exclusive.' }),
  }),
});

builder.queryField('auditLog', (t) =>
  t.connection(
    {
      type: AuditEntry,
      description: 'Audit entries, newest first.',
      authScopes: { permission: 'audit:read' },
      args: { filter: t.arg({ type: AuditFilter }) },
      complexity: (args) => ({ field: 1, multiplier: args.first ?? 50 }),
      resolve: async (_root, args, ctx) => {
        if (args.last != null || args.before != null) {
          throw new DomainError('INVALID_INPUT', 'auditLog pages forward only: use first and after');
        }
        const limit = pageSize(args.first);
        const before = args.after ? decodeNumberCursor('audit', args.after) : null;
        const f = args.filter ?? {};
        const filter = {
          actorName: f.actorName ?? null,
          action: f.action ?? null,
          targetType: f.targetType ?? null,
          targetId: f.targetId ?? null,
          outcome: (f.outcome as AuditOutcome | null | undefined) ?? null,
          from: f.from ?? null,
          to: f.to ?? null,
        };
        const rows = await findAuditPage(ctx.db, filter, before, limit + 1);
        return toConnection(
          rows,
          limit,
          (r) => encodeCursor('audit', r.id),
          before !== null,
          () => countAudit(ctx.db, filter),
        );
      },
    },
    { name: 'AuditConnection' },
    { name: 'AuditEdge' },
  ),
);

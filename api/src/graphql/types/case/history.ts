// A case's history: one step each (append-only), with its attachments.
import type { CaseState } from '../../../domain/codes.ts';
import type { CaseEventRow } from '../../../store/case-events.repo.ts';
import { builder } from '../../builder.ts';
import { CaseStateEnum } from './enums.ts';

const Attachment = builder.objectRef<string>('Attachment').implement({
  fields: (t) => ({
    id: t.string({ description: 'The SHA-256 of the file.', resolve: (h) => h }),
    url: t.string({ resolve: (h) => `/attachments/${h}` }),
  }),
});

export const CaseEvent = builder.objectRef<CaseEventRow>('CaseEvent').implement({
  description: 'One step in a case’s history (append-only).',
  fields: (t) => ({
    id: t.string({ resolve: (e) => String(e.id) }),
    at: t.field({ type: 'DateTime', resolve: (e) => e.at }),
    action: t.exposeString('action', { description: 'report, a CaseAction in lower case, or supervise.' }),
    fromState: t.field({
      type: CaseStateEnum,
      nullable: true,
      resolve: (e) => e.from_state as CaseState | null,
    }),
    toState: t.field({ type: CaseStateEnum, resolve: (e) => e.to_state as CaseState }),
    actor: t.exposeString('actor'),
    actorRole: t.exposeString('actor_role'),
    comment: t.exposeString('comment', { nullable: true }),
    attachments: t.field({ type: [Attachment], resolve: (e) => e.attachments }),
    data: t.field({ type: 'JSON', resolve: (e) => e.data }),
  }),
});

// Who acts on cases in a request, as the case service needs them: the viewer, the actor and the service's deps.
import { type CaseActor, type CaseDeps, caseViewer } from '../../../dispatch/case.service.ts';
import type { ApiContext } from '../../context.ts';

export const viewerOf = (ctx: ApiContext) => caseViewer(ctx.viewer);

export const caseDeps = (ctx: ApiContext): CaseDeps => ({
  pool: ctx.pool,
  config: ctx.cases,
  events: ctx.live.events,
});

export const caseActor = (ctx: ApiContext): CaseActor => ({
  audit: ctx.actor,
  role: ctx.viewer.role,
  unitCode: ctx.viewer.unitCode,
  scope: ctx.scope,
});

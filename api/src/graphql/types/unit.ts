// Responsible units (责任单位).
import { findUnitsByIds, type UnitRow } from '../../store/units.repo.ts';
import { builder } from '../builder.ts';

export const ResponsibleUnit = builder.loadableObject('ResponsibleUnit', {
  description: 'A unit responsible for assets in its service area (synthetic in the demo city).',
  load: (ids: number[], ctx) => findUnitsByIds(ctx.db, ids),
  sort: (u: UnitRow) => u.id,
  fields: (t) => ({
    code: t.exposeString('code'),
    name: t.exposeString('name'),
    kind: t.exposeString('kind'),
    areaCode: t.exposeString('area_code'),
    phone: t.exposeString('phone', { nullable: true }),
  }),
});

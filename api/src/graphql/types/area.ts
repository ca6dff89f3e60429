// Areas: city → district → street → community → grid, with boundaries and children.
import { DomainError } from '../../domain-error.ts';
import { findVisibleArea } from '../../geo/area.service.ts';
import {
  type AreaRow,
  findAreaBoundaries,
  findAreaChildren,
  findAreasByCodes,
  findAreasPage,
} from '../../store/areas.repo.ts';
import { builder } from '../builder.ts';
import { AreaLevelEnum } from '../enums.ts';
import { decodeCursor, encodeCursor, pageSize, toConnection } from '../pagination.ts';

export const Area = builder.loadableNodeRef<AreaRow, string, string>('Area', {
  id: { resolve: (area) => area.code },
  load: (codes: string[], ctx) => findAreasByCodes(ctx.db, ctx.scope, codes),
  sort: (area) => area.code,
});

Area.implement({
  description:
    'An administrative area. Streets and below are synthetic (generated); district boundaries are real.',
  fields: (t) => ({
    code: t.exposeString('code', {
      description: 'District/street codes follow GB/T 2260; grids are generated.',
    }),
    name: t.exposeString('name'),
    nameEn: t.exposeString('name_en', { nullable: true }),
    level: t.field({ type: AreaLevelEnum, resolve: (a) => a.level }),
    synthetic: t.exposeBoolean('synthetic'),
    areaKm2: t.exposeFloat('area_km2'),
    parent: t.field({ type: Area, nullable: true, resolve: (a) => a.parent_code }),
    children: t.loadableList({
      type: Area,
      description: 'The areas one level down, in code order.',
      load: async (codes: string[], ctx) => {
        const rows = await findAreaChildren(ctx.db, ctx.scope, codes);
        return codes.map((code) => rows.filter((r) => r.parent_code === code));
      },
      resolve: (a) => a.code,
    }),
    boundary: t.loadable({
      type: 'GeoJSON',
      description: 'The boundary as a GeoJSON MultiPolygon.',
      load: async (codes: string[], ctx) => {
        const rows = new Map(
          (await findAreaBoundaries(ctx.db, ctx.scope, codes)).map((r) => [r.code, r.boundary]),
        );
        return codes.map((code) => rows.get(code)!);
      },
      resolve: (a) => a.code,
    }),
  }),
});

builder.queryField('area', (t) =>
  t.field({
    type: Area,
    description:
      "An area by its code; NOT_FOUND when there is none, FORBIDDEN when it lies outside the caller's area.",
    args: { code: t.arg.string({ required: true }) },
    resolve: (_root, { code }, ctx) => findVisibleArea(ctx.db, ctx.scope, code),
  }),
);

builder.queryField('areas', (t) =>
  t.connection(
    {
      type: Area,
      description: 'Areas by level and/or parent, in code order.',
      args: {
        level: t.arg({ type: AreaLevelEnum }),
        parentCode: t.arg.string(),
      },
      complexity: (args) => ({ field: 1, multiplier: args.first ?? 50 }),
      resolve: async (_root, args, ctx) => {
        if (args.last != null || args.before != null) {
          throw new DomainError('INVALID_INPUT', 'areas pages forward only: use first and after');
        }
        const limit = pageSize(args.first);
        const after = decodeCursor('area', args.after) ?? '';
        const { rows, total } = await findAreasPage(
          ctx.db,
          ctx.scope,
          { level: args.level ?? null, parentCode: args.parentCode?.trim().toUpperCase() ?? null },
          after,
          limit + 1,
        );
        return toConnection(rows, limit, (r) => encodeCursor('area', r.code), after !== '', total);
      },
    },
    { name: 'AreaConnection' },
    { name: 'AreaEdge' },
  ),
);

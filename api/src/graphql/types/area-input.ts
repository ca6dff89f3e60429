// AreaInput: the one area argument used everywhere.
import { resolveArea } from '../../geo/area.service.ts';
import { type ResolvedArea, WHOLE_CITY } from '../../store/area-params.ts';
import { builder } from '../builder.ts';
import type { ApiContext } from '../context.ts';

const CircleInput = builder.inputType('CircleInput', {
  fields: (t) => ({
    center: t.field({ type: 'GeoJSON', required: true, description: 'A GeoJSON Point.' }),
    radiusM: t.float({ required: true, description: 'Metres, > 0 and at most 50,000.' }),
  }),
});

export const AreaInput = builder.inputType('AreaInput', {
  description:
    'Exactly one of: a GeoJSON Polygon/MultiPolygon; an area code (district, street, community or grid; ' +
    'matches the assets filed under it); a bbox [minLon, minLat, maxLon, maxLat]; a circle.',
  fields: (t) => ({
    polygon: t.field({ type: 'GeoJSON' }),
    code: t.string(),
    bbox: t.floatList(),
    circle: t.field({ type: CircleInput }),
  }),
});

export function areaOrCity(
  ctx: ApiContext,
  input: typeof AreaInput.$inferInput | null | undefined,
): Promise<ResolvedArea> {
  return input ? resolveArea(ctx.db, ctx.scope, ctx.serviceArea, input) : Promise.resolve(WHOLE_CITY);
}

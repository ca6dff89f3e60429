// The big screen's map data, for signed-in callers: asset layers as GeoJSON (GET /api/layers/<kind>, cut to
// the caller's scope) and the basemap settings (GET /api/map-config: a configured imagery service, if any).
import { Hono } from 'hono';
import type pg from 'pg';
import type { MapConfig } from '../config.ts';
import { findLayer, isMapLayer, MAP_LAYERS } from '../store/layers.repo.ts';
import { geoJsonResponse } from './geojson-response.ts';
import { errorResponse } from './http-error.ts';
import type { AppEnv } from './identify.ts';

export function mapRoutes(pool: pg.Pool, map: MapConfig): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/layers/:kind', async (c) => {
    const kind = c.req.param('kind');
    if (!isMapLayer(kind)) {
      return errorResponse(
        c,
        'INVALID_INPUT',
        `unknown map layer "${kind.slice(0, 40)}"; use one of ${MAP_LAYERS.join(', ')}`,
      );
    }
    c.header('Cache-Control', 'private, max-age=15');
    return geoJsonResponse(c, await findLayer(pool, c.get('viewer')!.scope, kind));
  });

  app.get('/map-config', (c) => {
    c.header('Cache-Control', 'private, max-age=300');
    return c.json({ imagery: map.imagery });
  });
  return app;
}

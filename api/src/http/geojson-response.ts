// GeoJSON bodies go out as RFC 7946's media type, application/geo+json, not as plain JSON.
import type { Context } from 'hono';

export const GEOJSON_TYPE = 'application/geo+json';

export function geoJsonResponse(c: Context, body: unknown): Response {
  c.header('Content-Type', GEOJSON_TYPE);
  return c.body(JSON.stringify(body));
}

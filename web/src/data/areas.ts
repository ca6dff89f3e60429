// The areas the analyst's picker offers and the outline of a chosen one (GraphQL areas / area).
import type { Area } from './generated/graphql.ts';
import { gql } from './graphql.ts';

export type PickLevel = 'district' | 'street' | 'grid';

export type AreaOption = Pick<Area, 'code' | 'name'>;

interface Edges<T> {
  areas: { edges: { node: T }[] };
}

const AREAS = `query AnalystAreas($level: AreaLevel!, $parent: String) {
  areas(level: $level, parentCode: $parent, first: 500) { edges { node { code name level } } }
}`;

/** Grids hang under communities: the street's communities, each with its grids. */
const GRIDS_OF_STREET = `query AnalystGrids($street: String!) {
  areas(level: COMMUNITY, parentCode: $street, first: 500) {
    edges { node { code name children { code name level } } }
  }
}`;

const OUTLINE = `query AnalystAreaOutline($code: String!) { area(code: $code) { code name level boundary } }`;

export async function fetchAreaOptions(
  level: 'district' | 'street',
  parent: string | null,
  signal?: AbortSignal,
): Promise<AreaOption[]> {
  const data = await gql<Edges<AreaOption>>(AREAS, { level: level.toUpperCase(), parent }, signal);
  return data.areas.edges.map(({ node }) => ({ code: node.code, name: node.name }));
}

export async function fetchGridOptions(street: string, signal?: AbortSignal): Promise<AreaOption[]> {
  const data = await gql<Edges<AreaOption & { children: Pick<Area, 'code' | 'name' | 'level'>[] }>>(
    GRIDS_OF_STREET,
    { street },
    signal,
  );
  return data.areas.edges.flatMap(({ node }) =>
    node.children
      .filter((c) => c.level === 'GRID')
      .map((c) => ({ code: c.code, name: `${node.name} · ${c.name}` })),
  );
}

export interface AreaOutline {
  code: string;
  name: string;
  geometry: GeoJSON.Polygon | GeoJSON.MultiPolygon;
}

export async function fetchAreaOutline(code: string, signal?: AbortSignal): Promise<AreaOutline> {
  const data = await gql<{ area: Pick<Area, 'code' | 'name'> & { boundary: AreaOutline['geometry'] } }>(
    OUTLINE,
    { code },
    signal,
  );
  return { code: data.area.code, name: data.area.name, geometry: data.area.boundary };
}

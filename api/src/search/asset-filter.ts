// AssetFilter → the repository's AssetQuery: text to an escaped LIKE pattern, attribute filters checked for
// sense. Pure; the area is resolved by the area service before this runs.

import type { AssetKind } from '../domain/codes.ts';
import { DomainError } from '../domain-error.ts';
import type { ResolvedArea } from '../store/area-params.ts';
import type { AssetQuery } from '../store/assets.repo.ts';

export const MAX_TEXT_LENGTH = 100;

export interface AssetFilterValue {
  kinds?: readonly AssetKind[] | null;
  text?: string | null;
  safetyGrades?: readonly string[] | null;
  selfBuilt?: boolean | null;
  floorsMin?: number | null;
  floorsMax?: number | null;
  riskGrades?: readonly string[] | null;
  lampStatuses?: readonly string[] | null;
  siteStages?: readonly string[] | null;
}

/** `%text%` with LIKE's wildcards in the text taken literally. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function nonEmpty<T>(values: readonly T[] | null | undefined, what: string): readonly T[] | null {
  if (values == null) return null;
  if (values.length === 0)
    throw new DomainError('INVALID_INPUT', `${what} is empty; leave it out to match all`);
  return values;
}

export function toAssetQuery(filter: AssetFilterValue, area: ResolvedArea): AssetQuery {
  const text = filter.text?.trim() || null;
  if (text && text.length > MAX_TEXT_LENGTH) {
    throw new DomainError('LIMIT_EXCEEDED', `text may be at most ${MAX_TEXT_LENGTH} characters`);
  }
  for (const [name, value] of [
    ['floorsMin', filter.floorsMin],
    ['floorsMax', filter.floorsMax],
  ] as const) {
    if (value != null && !(Number.isInteger(value) && value >= 1 && value <= 200)) {
      throw new DomainError('INVALID_INPUT', `${name} must be a whole number between 1 and 200`);
    }
  }
  if (filter.floorsMin != null && filter.floorsMax != null && filter.floorsMin > filter.floorsMax) {
    throw new DomainError('INVALID_INPUT', 'floorsMin is greater than floorsMax');
  }
  const query: AssetQuery = {
    area,
    kinds: nonEmpty(filter.kinds, 'kinds'),
    namePattern: text ? likePattern(text) : null,
    safetyGrades: nonEmpty(filter.safetyGrades, 'safetyGrades'),
    selfBuilt: filter.selfBuilt ?? null,
    floorsMin: filter.floorsMin ?? null,
    floorsMax: filter.floorsMax ?? null,
    riskGrades: nonEmpty(filter.riskGrades, 'riskGrades'),
    lampStatuses: nonEmpty(filter.lampStatuses, 'lampStatuses'),
    siteStages: nonEmpty(filter.siteStages, 'siteStages'),
  };
  const implied = new Set<AssetKind>();
  if (
    query.safetyGrades ||
    query.selfBuilt !== null ||
    query.floorsMin !== null ||
    query.floorsMax !== null
  ) {
    implied.add('building');
  }
  if (query.riskGrades) implied.add('slope');
  if (query.lampStatuses) implied.add('street_lamp');
  if (query.siteStages) implied.add('construction_site');
  if (implied.size > 1) {
    throw new DomainError(
      'INVALID_INPUT',
      `attribute filters of different kinds (${[...implied].join(', ')}) cannot match the same asset`,
    );
  }
  const [kind] = implied;
  if (kind && query.kinds && !query.kinds.includes(kind)) {
    throw new DomainError('INVALID_INPUT', `the attribute filters are for ${kind}, which kinds leaves out`);
  }
  return query;
}

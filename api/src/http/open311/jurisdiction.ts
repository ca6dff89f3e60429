// jurisdiction_id: this endpoint serves one jurisdiction, so the parameter may be left out (or sent empty,
// which GeoReport v2 treats the same); when given it must be ours, else 404 as the spec says.
import { DomainError } from '../../domain-error.ts';

export function checkJurisdiction(given: string | null | undefined, ours: string): void {
  const id = given?.trim().toLowerCase() ?? '';
  if (id === '' || id === ours || id === `www.${ours}`) return;
  throw new DomainError(
    'NOT_FOUND',
    `jurisdiction_id "${(given ?? '').trim().slice(0, 100)}" is not served here; this endpoint serves ${ours} ` +
      '(the parameter may be left out)',
  );
}

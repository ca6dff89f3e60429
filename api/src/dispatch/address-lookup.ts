// An address without coordinates, placed on the asset register: the one building, construction site, slope
// or waterlogging point it names (address-match.ts), or a refusal that says how to be precise. A case is
// dispatched by where it is, so a report is never filed on an address that cannot be placed.
import { DomainError } from '../domain-error.ts';
import type { Queryable } from '../store/db.ts';
import { findAddressCandidates } from '../store/public.repo.ts';
import { type AddressCandidate, addressForms, addressTails, matchAddress } from './address-match.ts';

/** As cases keep addresses (case.service.ts). */
const MAX_ADDRESS = 200;
const SHOWN = 5;

export async function placeAddress(db: Queryable, address: string): Promise<AddressCandidate> {
  const text = address.trim();
  if (text.length > MAX_ADDRESS) {
    throw new DomainError('LIMIT_EXCEEDED', `address_string: at most ${MAX_ADDRESS} characters`);
  }
  const forms = addressForms(text);
  if (forms.length === 0) throw new DomainError('INVALID_INPUT', 'address_string is empty');
  const hits = matchAddress(forms, await findAddressCandidates(db, addressTails(forms)));
  if (hits.length === 1) return hits[0]!;
  if (hits.length === 0) {
    throw new DomainError(
      'INVALID_INPUT',
      `address_string: "${text.slice(0, 60)}" is not a building, construction site, slope or waterlogging point ` +
        'of the city register (its name, optionally after its district and street); give lat and long, ' +
        'or the code on its plate as address_id',
    );
  }
  const where = hits
    .slice(0, SHOWN)
    .map((h) => `${h.district}${h.street ?? ''}`)
    .join(', ');
  throw new DomainError(
    'INVALID_INPUT',
    `address_string: ${hits.length} places are called "${hits[0]!.name}" (${where}${hits.length > SHOWN ? ', …' : ''}); ` +
      'put the district and street before the name, or give lat and long',
  );
}

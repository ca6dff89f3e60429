// A POST requests.[format] as a public report. The location is lat and long (WGS84, both), an address_string,
// or an asset code (一栋一码, on its plate) as address_id; an address_string alone is placed on the asset it
// names when the report is filed (dispatch/address-lookup.ts). first_name and last_name are one Chinese name,
// family name first; media_url is kept as a link. email, device_id, account_id and attribute[…] are not kept.

import type { PublicReport } from '../../dispatch/public-intake.ts';
import { DomainError } from '../../domain-error.ts';
import type { Fields } from './post-body.ts';

function coordinate(value: string | undefined, name: string, max: number): number | null {
  if (value === undefined || value.trim() === '') return null;
  const n = Number(value);
  if (!Number.isFinite(n) || Math.abs(n) > max) {
    throw new DomainError('INVALID_INPUT', `${name} is not a coordinate`);
  }
  return n;
}

const text = (value: string | undefined) => value?.trim() || null;

export function reportFromFields(f: Fields): PublicReport {
  const categoryCode = text(f.service_code);
  if (!categoryCode) throw new DomainError('INVALID_INPUT', 'service_code was not given; see services.xml');
  const lat = coordinate(f.lat, 'lat', 90);
  const lon = coordinate(f.long, 'long', 180);
  if ((lat === null) !== (lon === null)) throw new DomainError('INVALID_INPUT', 'give lat and long together');
  const assetCode = text(f.address_id);
  const address = text(f.address_string);
  if (lat === null && !assetCode && !address) {
    throw new DomainError(
      'INVALID_INPUT',
      'give lat and long (WGS84), an address_string, or the code on an asset plate as address_id',
    );
  }
  return {
    categoryCode,
    description: f.description ?? '',
    assetCode,
    location: lat !== null && lon !== null ? { lon, lat } : null,
    address,
    reporterName: [text(f.last_name), text(f.first_name)].filter(Boolean).join('') || null,
    reporterPhone: text(f.phone),
    photo: null,
    mediaUrl: text(f.media_url),
  };
}

// Ids that mutations take: an object's Relay global id or its plain number.
import { decodeGlobalID } from '@pothos/plugin-relay';
import { DomainError } from '../domain-error.ts';

export function parseNodeId(id: string | number, typename: string): number {
  let key = String(id);
  if (!/^\d+$/.test(key)) {
    try {
      const decoded = decodeGlobalID(key);
      key = decoded.typename === typename ? decoded.id : '';
    } catch {
      key = '';
    }
  }
  if (!/^\d{1,15}$/.test(key)) throw new DomainError('INVALID_INPUT', `id must be a ${typename} id`);
  return Number(key);
}

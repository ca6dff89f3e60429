// Reads an address_string as one place of the city's asset register (一栋一码): a building, construction
// site, slope or waterlogging point whose register name the address ends with, where whatever comes before
// the name only names the country, the province, and the asset's own city, district, street and community,
// in that order (each may be left out, and 市, 区, 街道, 社区 may be dropped from their names). Written from
// the most specific unit to the most general, as Open311 asks ("富府新村7巷6号, 华富街道, 福田区, 深圳市"), the
// separated parts are read in reverse as well. Pure: the candidates come from the database.

import type { AddressCandidateRow } from '../store/public.repo.ts';

/** A place of the register with its area names, as the database gives it. */
export type AddressCandidate = AddressCandidateRow;

const SEPARATORS = /[\s,，、;；/|]+/u;
/** Register names are at most this long (characters); longer tails need not be looked up. */
const MAX_NAME = 100;
const COUNTRY = /^(中华人民共和国|中国)/u;
const PROVINCE = /^\p{Script=Han}{2,7}?(省|自治区)/u;

/** The address in the forms it may be read in: its parts as written and, when there are several, reversed. */
export function addressForms(address: string): string[] {
  const parts = address.normalize('NFKC').split(SEPARATORS).filter(Boolean);
  if (parts.length === 0) return [];
  return [...new Set([parts.join(''), [...parts].reverse().join('')])];
}

/** Every name the address could end with (its tails of 2 to 100 characters), to look up in the register. */
export function addressTails(forms: readonly string[]): string[] {
  const tails = new Set<string>();
  for (const form of forms) {
    const chars = [...form];
    for (let start = Math.max(0, chars.length - MAX_NAME); start <= chars.length - 2; start++) {
      tails.add(chars.slice(start).join(''));
    }
  }
  return [...tails];
}

/** Whether `text` is nothing but the given area names from `level` on, in order, each whole, short or absent. */
function onlyAreaNames(text: string, levels: readonly (readonly string[])[]): boolean {
  if (text === '') return true;
  const [names, ...deeper] = levels;
  if (names === undefined) return false;
  if (onlyAreaNames(text, deeper)) return true;
  return names.some(
    (name) => name !== '' && text.startsWith(name) && onlyAreaNames(text.slice(name.length), deeper),
  );
}

const spellings = (name: string | null, ending: RegExp): string[] =>
  name ? [...new Set([name, name.replace(ending, '')])] : [];

function explainsPrefix(prefix: string, place: AddressCandidate): boolean {
  const rest = prefix.replace(COUNTRY, '').replace(PROVINCE, '');
  return onlyAreaNames(rest, [
    spellings(place.city, /市$/u),
    spellings(place.district, /区$/u),
    spellings(place.street, /街道$/u),
    spellings(place.community, /社区$/u),
  ]);
}

/** The candidates the address names: each at most once, in the order given. */
export function matchAddress(
  forms: readonly string[],
  candidates: readonly AddressCandidate[],
): AddressCandidate[] {
  const hits = new Map<string, AddressCandidate>();
  for (const place of candidates) {
    const named = forms.some(
      (form) =>
        form.endsWith(place.name) && explainsPrefix(form.slice(0, form.length - place.name.length), place),
    );
    if (named) hits.set(place.code, place);
  }
  return [...hits.values()];
}

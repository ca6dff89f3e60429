// An area error in words: the client's checks (validate-area.ts) and the server's codes about an area
// (GraphQL extensions.code or REST {error: {code, message}}). The panels call this too.
import type { useI18n } from '../../i18n/I18nProvider.tsx';
import type { MessageKey } from '../../i18n/messages.ts';
import type { AreaCheckCode } from './validate-area.ts';

type Translate = ReturnType<typeof useI18n>['t'];

/** Server codes about an area that have their own words. */
export const SERVER_AREA_CODES = [
  'INVALID_GEOMETRY',
  'OUT_OF_SERVICE_AREA',
  'LIMIT_EXCEEDED',
  'FORBIDDEN',
  'NOT_FOUND',
] as const;
export type ServerAreaCode = (typeof SERVER_AREA_CODES)[number];

const CLIENT_CODES: readonly AreaCheckCode[] = [
  'NOT_GEOJSON',
  'NOT_POLYGON',
  'TOO_FEW_POINTS',
  'SELF_INTERSECTION',
  'SWAPPED',
  'OUT_OF_RANGE',
  'TOO_SMALL',
  'TOO_LARGE',
  'TOO_MANY_POINTS',
  'FILE_TOO_LARGE',
];

const isServerCode = (code: string): code is ServerAreaCode =>
  (SERVER_AREA_CODES as readonly string[]).includes(code);
const isClientCode = (code: string): code is AreaCheckCode =>
  (CLIENT_CODES as readonly string[]).includes(code);

/**
 * The error in the page's language. The client's own checks speak for themselves; the server's message
 * (its detail, e.g. which limit) follows the words for its code.
 */
export function areaErrorText(code: string, message: string | null | undefined, t: Translate): string {
  if (isClientCode(code)) return t(`amAreaError_${code}` satisfies MessageKey);
  const detail = message?.trim() ? ` (${message.trim()})` : '';
  if (isServerCode(code)) return `${t(`amAreaError_${code}` satisfies MessageKey)}${detail}`;
  return `${t('amAreaError_UNKNOWN')} ${code}${detail}`;
}

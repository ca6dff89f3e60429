// A link to media a reporter sends with a report (Open311's media_url, e.g. a photo on a city's image host):
// kept as given and shown as a link, never fetched by the server. Only absolute http(s) URLs, no credentials,
// no spaces or control characters, and bounded, so it is safe to render as an <a href> anywhere.
import { DomainError } from '../domain-error.ts';

export const MEDIA_URL_MAX_LENGTH = 2048;

/** The URL, normalised (WHATWG URL), or null when none is given; a DomainError when it is not acceptable. */
export function checkMediaUrl(value: string | null | undefined): string | null {
  const text = value?.trim() ?? '';
  if (text === '') return null;
  if (text.length > MEDIA_URL_MAX_LENGTH) {
    throw new DomainError('LIMIT_EXCEEDED', `media_url: at most ${MEDIA_URL_MAX_LENGTH} characters`);
  }
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
  if (/[\u0000-\u0020\u007f-\u009f]/.test(text)) {
    throw new DomainError(
      'INVALID_INPUT',
      'media_url: no spaces or control characters (percent-encode them)',
    );
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new DomainError(
      'INVALID_INPUT',
      'media_url: an absolute URL such as https://example.org/photo.jpg',
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new DomainError('INVALID_INPUT', 'media_url: only http and https URLs');
  }
  if (url.username || url.password) {
    throw new DomainError('INVALID_INPUT', 'media_url: no user name or password in the URL');
  }
  if (url.href.length > MEDIA_URL_MAX_LENGTH) {
    throw new DomainError('LIMIT_EXCEEDED', `media_url: at most ${MEDIA_URL_MAX_LENGTH} characters`);
  }
  return url.href;
}

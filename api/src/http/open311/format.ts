// GeoReport v2 names the format at the end of the resource: services.xml, requests/<id>.json. XML is the
// format the spec requires; JSON is offered beside it.
export const FORMATS = ['xml', 'json'] as const;
export type Open311Format = (typeof FORMATS)[number];

export interface ResourceName {
  base: string;
  /** What follows the last dot; null when there is none. */
  extension: string | null;
}

/** "services.xml" → { base: "services", extension: "xml" }. */
export function splitResource(file: string): ResourceName {
  const dot = file.lastIndexOf('.');
  return dot <= 0
    ? { base: file, extension: null }
    : { base: file.slice(0, dot), extension: file.slice(dot + 1) };
}

export function formatOf(extension: string | null): Open311Format | null {
  const e = extension?.toLowerCase();
  return e === 'xml' || e === 'json' ? e : null;
}

/**
 * The format of an error on any path: the one the path names if we offer it; otherwise JSON when the client
 * accepts JSON and not XML, else XML (the spec's required format).
 */
export function errorFormat(path: string, accept: string | undefined): Open311Format {
  const named = formatOf(splitResource(path.slice(path.lastIndexOf('/') + 1)).extension);
  if (named) return named;
  return /json/i.test(accept ?? '') && !/xml/i.test(accept ?? '') ? 'json' : 'xml';
}

// GeoReport v2 XML from the JSON shapes, the spec's Spark convention read backwards: a list becomes its
// element with one child per item, named in the singular (services → service, service_requests → request,
// errors → error, attributes → attribute, values → value), and null an empty element. fast-xml-parser's
// XMLBuilder writes the elements and escapes the text.
import { XMLBuilder } from 'fast-xml-parser';

const ITEM: Readonly<Record<string, string>> = {
  services: 'service',
  service_requests: 'request',
  errors: 'error',
  attributes: 'attribute',
  values: 'value',
};

const builder = new XMLBuilder({
  format: true,
  indentBy: '  ',
  ignoreAttributes: false,
  suppressEmptyNode: false,
});

// Characters XML 1.0 cannot carry at all, not even escaped: most C0 controls, U+FFFE/U+FFFF, lone surrogates.
const NOT_XML =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters XML forbids
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function content(name: string, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value.replace(NOT_XML, '\uFFFD');
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (Array.isArray(value)) {
    const item = ITEM[name];
    if (!item) throw new Error(`GeoReport XML has no item element for "${name}"`);
    return { [item]: value.map((v) => content(item, v)) };
  }
  if (typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, content(k, v)]));
  }
  throw new Error(`GeoReport XML cannot hold a ${typeof value} in "${name}"`);
}

/** A whole document: the XML declaration, then `root` holding `body` (a list, or an object's fields). */
export function xmlDocument(root: string, body: unknown): string {
  return builder.build({
    '?xml': { '@_version': '1.0', '@_encoding': 'utf-8' },
    [root]: content(root, body),
  }) as string;
}

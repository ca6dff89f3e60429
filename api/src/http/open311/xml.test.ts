import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { open311XmlParser } from '../../../../scripts/test/open311-spec-examples.ts';
import { xmlDocument } from './xml.ts';

describe('GeoReport XML from the JSON shapes', () => {
  it('writes a list as its element with one singular child per item, null as an empty element', () => {
    const text = xmlDocument('service_requests', [
      { service_request_id: '1', status_notes: null, lat: 22.5, flag: false },
      { service_request_id: '2', status_notes: 'x', lat: 22.6, flag: true },
    ]);
    expect(text.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<service_requests>\n  <request>')).toBe(
      true,
    );
    expect(text).toContain('<status_notes/>');
    expect(text).toContain('<flag>false</flag>');
    expect(open311XmlParser.parse(text).service_requests.request).toEqual([
      { service_request_id: '1', status_notes: '', lat: '22.5', flag: 'false' },
      { service_request_id: '2', status_notes: 'x', lat: '22.6', flag: 'true' },
    ]);
  });

  it('nests lists in objects (a service definition) and writes an empty list as an empty element', () => {
    const text = xmlDocument('service_definition', {
      service_code: 'SJ0401',
      attributes: [{ code: 'A', values: [{ key: 1, name: 'one' }] }],
    });
    expect(open311XmlParser.parse(text).service_definition).toEqual({
      service_code: 'SJ0401',
      attributes: { attribute: [{ code: 'A', values: { value: [{ key: '1', name: 'one' }] } }] },
    });
    expect(xmlDocument('services', [])).toContain('<services></services>');
  });

  it('escapes markup and replaces what XML cannot carry', () => {
    const text = xmlDocument('errors', [{ code: 400, description: '<b> & "q" ]]> \u0001 \uD800 ok' }]);
    expect(XMLValidator.validate(text)).toBe(true);
    expect(open311XmlParser.parse(text).errors.error[0].description).toBe('<b> & "q" ]]> \uFFFD \uFFFD ok');
  });

  it('knows no item element for a list it was not told about', () => {
    expect(() => xmlDocument('things', [1])).toThrow(/no item element/);
  });
});

// Open311 GeoReport v2 against the spec (wiki.open311.org/GeoReport_v2) on the real database: every resource
// in XML and JSON with the elements of the spec's documented examples, POST with lat/long, address_string or
// address_id and a media_url, GET requests with lists of statuses and service codes and the date window,
// jurisdiction_id, and the spec's error list (XML or JSON, code = HTTP status) on every path, bad input
// storing nothing.
import { XMLValidator } from 'fast-xml-parser';
import { afterAll, describe, expect, it } from 'vitest';
import {
  ERRORS,
  open311XmlParser,
  POST_RESPONSE,
  REQUESTS,
  SERVICE_DEFINITION,
  SERVICES,
} from '../../../scripts/test/open311-spec-examples.ts';
import { pointsInFutian } from '../../../scripts/test/places.ts';
import { testDatabaseUrl } from '../../../scripts/test/test-database.ts';
import type { Actor } from '../access/principal.ts';
import { loadCaseConfig, loadConfig, loadIngestConfig } from '../config.ts';
import { transitionCase } from '../dispatch/case.service.ts';
import { localLive } from '../live/live.ts';
import { createPool } from '../store/db.ts';
import { createApp } from './app.ts';

const pool = createPool(testDatabaseUrl(), { max: 4 });
afterAll(() => pool.end());

const base = loadConfig({});
const cases = loadCaseConfig({}, '/tmp/city-one-map-test');
const live = localLive(pool, loadIngestConfig({}, 'large'), () => undefined);

function open311App(limits: { publicPerMinute?: number } = {}) {
  const app = createApp({
    pool,
    mode: 'external',
    webDistDir: base.webDistDir,
    access: { ...base.access, publicPerMinute: limits.publicPerMinute ?? 100_000 },
    cases: { ...cases, reportsPerHour: 100_000 },
    live,
    log: () => undefined,
  });
  return (path: string, init: RequestInit = {}) => app.request(`/open311/v2${path}`, init);
}
const api = open311App();

const one = async <T = any>(sql: string, values: unknown[] = []) =>
  (await pool.query(sql, values)).rows[0] as T;
const stored = async () =>
  one<{ cases: number; events: number }>(
    'SELECT (SELECT count(*) FROM cases)::int AS cases, (SELECT count(*) FROM case_events)::int AS events',
  );

const XML_DECLARATION = '<?xml version="1.0" encoding="utf-8"?>';

/** The body of an XML answer, checked to be well-formed XML with the declaration the spec asks for. */
async function xml(res: Response): Promise<any> {
  expect(res.headers.get('content-type')).toBe('text/xml; charset=utf-8');
  const text = await res.text();
  expect(text.startsWith(XML_DECLARATION)).toBe(true);
  expect(XMLValidator.validate(text)).toBe(true);
  return open311XmlParser.parse(text);
}

async function json(res: Response): Promise<any> {
  expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
  return res.json();
}

const keys = (o: object) => Object.keys(o).sort();

const post = (format: 'xml' | 'json', fields: Record<string, string>) =>
  api(`/requests.${format}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
    body: new URLSearchParams(fields),
  });

const point = pointsInFutian(pool, { street: 1, count: 60, seed: 23 });

async function filed(fields: Record<string, string>): Promise<string> {
  const res = await post('json', fields);
  expect(res.status).toBe(201);
  return ((await res.json()) as any[])[0].service_request_id;
}

async function fileAt(category: string, extra: Record<string, string> = {}): Promise<string> {
  const at = await point();
  return filed({
    service_code: category,
    lat: String(at.lat),
    long: String(at.lon),
    description: '测试上报',
    ...extra,
  });
}

/** The one request with this id, in both formats, the XML one as parsed. */
async function requestById(id: string) {
  const fromJson = (await json(await api(`/requests/${id}.json`))) as any[];
  const fromXml = await xml(await api(`/requests/${id}.xml`));
  expect(fromJson).toHaveLength(1);
  expect(fromXml.service_requests.request).toHaveLength(1);
  return { json: fromJson[0], xml: fromXml.service_requests.request[0] };
}

const ids = async (query: string) =>
  ((await json(await api(`/requests.json?${query}`))) as any[]).map((r) => r.service_request_id);

describe('Open311 GeoReport v2 as the spec documents it', () => {
  it('lists services and defines each one in XML and JSON with the documented elements', async () => {
    const example = open311XmlParser.parse(SERVICES.xml).services.service[0];
    const res = await api('/services.xml');
    expect(res.status).toBe(200);
    const list = (await xml(res)).services.service as any[];
    expect(list.length).toBeGreaterThan(3);
    for (const s of list) {
      expect(keys(s)).toEqual(keys(example));
      expect(['true', 'false']).toContain(s.metadata);
      expect(['realtime', 'batch', 'blackbox']).toContain(s.type);
    }
    const fromJson = (await json(await api('/services.json'))) as any[];
    expect(fromJson.map((s) => s.service_code)).toEqual(list.map((s) => s.service_code));
    for (const s of fromJson) {
      expect(keys(s)).toEqual(keys(SERVICES.json[0]!));
      expect(typeof s.metadata).toBe('boolean');
    }
    expect(list.map((s) => s.service_code)).toContain('SJ0401');
    expect(list.find((s) => s.service_code === 'SJ0401')).toMatchObject({
      metadata: 'false',
      type: 'realtime',
    });

    // The service definition: our services need no attributes (metadata is false), so none are listed.
    const definition = (await xml(await api('/services/SJ0401.xml'))).service_definition;
    expect(keys(definition)).toEqual(keys(open311XmlParser.parse(SERVICE_DEFINITION.xml).service_definition));
    expect(definition).toEqual({ service_code: 'SJ0401', attributes: '' });
    const definitionJson = await json(await api('/services/SJ0401.json'));
    expect(keys(definitionJson)).toEqual(keys(SERVICE_DEFINITION.json));
    expect(definitionJson).toEqual({ service_code: 'SJ0401', attributes: [] });
    // Not a service citizens may request, and no service at all: 404 in the spec's shape.
    for (const code of ['SJ0601', 'NOPE']) {
      const res404 = await api(`/services/${code}.xml`);
      expect(res404.status).toBe(404);
      expect((await xml(res404)).errors.error[0].code).toBe('404');
    }
  });

  it('files a request as the spec’s example POST does and answers it with every documented field', async () => {
    const at = await point();
    const before = await stored();
    // The spec's example request: its fields, with our service, place and an image link.
    const res = await post('xml', {
      api_key: 'xyz',
      jurisdiction_id: 'sz.gov.cn',
      service_code: 'SJ0401',
      lat: String(at.lat),
      long: String(at.lon),
      address_string: '深南大道与彩田路交汇处',
      email: 'resident@example.org',
      device_id: 'tt222111',
      account_id: '123456',
      first_name: '小明',
      last_name: '王',
      phone: '13700003333',
      description: '路口积水约20厘米 <b>&"急"',
      media_url: 'http://farm3.static.flickr.com/2002/2212426634_5ed477a060.jpg',
      'attribute[WHISPAWN]': '123456',
    });
    expect(res.status).toBe(201);
    const answer = (await xml(res)).service_requests.request as any[];
    expect(answer).toHaveLength(1);
    expect(keys(answer[0])).toEqual(
      keys(open311XmlParser.parse(POST_RESPONSE.xml).service_requests.request[0]),
    );
    const id = answer[0].service_request_id as string;
    expect(id).toMatch(/^\d{16}$/);
    expect(answer[0].account_id).toBe('');
    expect(await stored()).toEqual({ cases: before.cases + 1, events: before.events + 1 });
    const row = await one('SELECT source, reporter_name, reporter_phone FROM cases WHERE tracking_no = $1', [
      id,
    ]);
    expect(row).toEqual({ source: 'open311', reporter_name: '王小明', reporter_phone: '13700003333' });

    const { json: r, xml: x } = await requestById(id);
    const exampleXml = open311XmlParser.parse(REQUESTS.xml).service_requests.request[0];
    expect(Object.keys(x)).toEqual(Object.keys(exampleXml)); // every element, in the documented order
    expect(Object.keys(r)).toEqual(Object.keys(REQUESTS.json[0]!));
    expect(r).toMatchObject({
      service_request_id: id,
      status: 'open',
      service_code: 'SJ0401',
      description: '路口积水约20厘米 <b>&"急"',
      address: '深南大道与彩田路交汇处',
      address_id: null,
      media_url: 'http://farm3.static.flickr.com/2002/2212426634_5ed477a060.jpg',
    });
    expect(r.lat).toBeCloseTo(at.lat, 6);
    expect(r.long).toBeCloseTo(at.lon, 6);
    expect(new Date(r.requested_datetime).toISOString()).toBe(r.requested_datetime);
    // The XML says the same, text escaped and read back intact.
    expect(x.service_request_id).toBe(id);
    expect(x.description).toBe(r.description);
    expect(x.media_url).toBe(r.media_url);
    expect(Number(x.lat)).toBeCloseTo(at.lat, 6);
    expect(x.status_notes).toBe('');
    // Also in the list, by id.
    const listed = (await xml(await api(`/requests.xml?service_request_id=${id}`))).service_requests.request;
    expect(listed.map((q: any) => q.service_request_id)).toEqual([id]);
  });

  it('keeps characters XML cannot carry out of the XML', async () => {
    const id = await fileAt('SJ0699', { description: 'bell\u0007 and \u001b escape' });
    const { json: r, xml: x } = await requestById(id);
    expect(r.description).toBe('bell\u0007 and \u001b escape');
    expect(x.description).toBe('bell\uFFFD and \uFFFD escape');
  });

  it('places an address_string without coordinates on the asset it names, and refuses one it cannot place', async () => {
    const place = await one(
      `SELECT a.code, a.name, d.name AS district, s.name AS street,
              ST_X(ST_PointOnSurface(a.geom)) AS lon, ST_Y(ST_PointOnSurface(a.geom)) AS lat
       FROM assets a JOIN areas d ON d.code = a.district_code JOIN areas s ON s.code = a.street_code
       WHERE a.kind = 'building' AND NOT EXISTS (
         SELECT 1 FROM assets b WHERE b.name = a.name AND b.id <> a.id
           AND b.kind IN ('building', 'construction_site', 'slope', 'waterlogging_point'))
       ORDER BY a.id LIMIT 1 OFFSET 40`,
    );
    const address = `深圳市${place.district}${place.street}${place.name}`;
    const id = await filed({ service_code: 'SJ0501', address_string: address, description: '外墙瓷砖松动' });
    const { json: r } = await requestById(id);
    expect(r).toMatchObject({ address, address_id: place.code });
    expect(r.lat).toBeCloseTo(place.lat, 6);
    expect(r.long).toBeCloseTo(place.lon, 6);
    // Written most specific first, as the spec suggests; or by name alone.
    const reversed = await filed({
      service_code: 'SJ0501',
      address_string: `${place.name}, ${place.street}, ${place.district}, 深圳市`,
      description: '外墙瓷砖松动',
    });
    expect((await requestById(reversed)).json.address_id).toBe(place.code);
    const byName = await filed({
      service_code: 'SJ0699',
      address_string: place.name,
      description: '其他问题',
    });
    expect((await requestById(byName)).json.address_id).toBe(place.code);
    // An address only places the report: waterlogging (积水) at a building's address is filed there.
    const water = await filed({ service_code: 'SJ0401', address_string: address, description: '门口积水' });
    expect((await requestById(water)).json).toMatchObject({ service_code: 'SJ0401', address_id: place.code });

    const twin = await one(
      `SELECT a.name, d.name AS district FROM assets a JOIN areas d ON d.code = a.district_code
       WHERE a.kind = 'building' GROUP BY a.name, d.name HAVING count(DISTINCT a.street_code) > 1
       ORDER BY a.name LIMIT 1`,
    );
    const before = await stored();
    for (const [address_string, words] of [
      [`${twin.district}${twin.name}`, /places are called/],
      ['火星基地1栋', /not a building, construction site, slope or waterlogging point/],
      [`${place.district}某某路${place.name}`, /not a building/],
      ['长'.repeat(201), /at most 200 characters/],
    ] as const) {
      const res = await post('json', { service_code: 'SJ0501', address_string, description: 'x' });
      expect(res.status).toBe(400);
      const [error] = (await json(res)) as any[];
      expect(error.code).toBe(400);
      expect(error.description).toMatch(words);
    }
    // One of lat and long is not a location either.
    const half = await post('json', { service_code: 'SJ0501', lat: '22.54', description: 'x' });
    expect(half.status).toBe(400);
    const none = await post('json', { service_code: 'SJ0501', description: 'x' });
    expect(((await none.json()) as any[])[0].description).toMatch(/address_string/);
    expect(await stored()).toEqual(before);
  });

  it('keeps media_url only as an absolute http(s) link of bounded length', async () => {
    const before = await stored();
    const at = await point();
    for (const media_url of [
      'javascript:alert(1)',
      '/attachments/abc',
      'https://user:pw@example.org/a.jpg',
      `https://example.org/${'a'.repeat(2100)}.jpg`,
    ]) {
      const res = await post('xml', {
        service_code: 'SJ0699',
        lat: String(at.lat),
        long: String(at.lon),
        description: 'x',
        media_url,
      });
      expect(res.status).toBe(400);
      const error = (await xml(res)).errors.error[0];
      expect(error.code).toBe('400');
      expect(error.description).toMatch(/media_url/);
    }
    expect(await stored()).toEqual(before);
    const id = await fileAt('SJ0699', { media_url: 'https://img.example.cn/a%20b.jpg' });
    expect((await requestById(id)).json.media_url).toBe('https://img.example.cn/a%20b.jpg');
    const plain = await fileAt('SJ0699');
    expect((await requestById(plain)).json.media_url).toBeNull();
  });

  it('searches requests by several statuses and service codes, and within a window of at most 90 days', async () => {
    const open = await fileAt('SJ0401');
    const rejected = await fileAt('SJ0699');
    const officer: Actor = {
      kind: 'cli',
      id: null,
      name: 'open311-test',
      origin: { ip: null, userAgent: null },
    };
    const { id: caseId } = await one('SELECT id FROM cases WHERE tracking_no = $1', [rejected]);
    await transitionCase(
      { pool, config: cases, events: live.events },
      { audit: officer, role: 'duty_officer', unitCode: null, scope: null },
      {
        id: Number(caseId),
        action: 'reject',
        version: 1,
        input: {
          comment: '重复上报',
          unitCode: null,
          attachments: [],
          extensionMinutes: null,
          mergeInto: null,
        },
      },
    );
    expect((await requestById(rejected)).json).toMatchObject({ status: 'closed', status_notes: '重复上报' });

    const both = [open, rejected];
    expect(await ids('status=open,closed')).toEqual(expect.arrayContaining(both));
    expect(await ids('status=open&status=closed')).toEqual(expect.arrayContaining(both));
    expect(await ids('status=open')).toContain(open);
    expect(await ids('status=open')).not.toContain(rejected);
    expect(await ids('status=closed')).toContain(rejected);
    expect(await ids('status=closed')).not.toContain(open);
    expect(await ids('service_code=SJ0401,SJ0699&status=open,closed')).toEqual(expect.arrayContaining(both));
    expect(await ids('service_code=SJ0401')).toContain(open);
    expect(await ids('service_code=SJ0401')).not.toContain(rejected);
    expect(await ids('service_code=')).toEqual(expect.arrayContaining(both)); // empty = not given
    // service_request_id overrides every other argument.
    expect(await ids(`service_request_id=${open},${rejected}&status=open&service_code=BJ0101`)).toEqual(
      expect.arrayContaining(both),
    );

    const iso = (ms: number) => new Date(Date.now() + ms).toISOString();
    const day = 86_400_000;
    expect(await ids(`start_date=${iso(-day)}&end_date=${iso(day)}`)).toEqual(expect.arrayContaining(both));
    expect(await ids(`start_date=${iso(-day)}`)).toEqual(expect.arrayContaining(both));
    expect(await ids(`start_date=${iso(3_600_000)}`)).toEqual([]);
    expect(await ids(`end_date=${iso(-day)}`)).not.toContain(open);
    const xmlList = (await xml(await api('/requests.xml?status=open,closed&service_code=SJ0401,SJ0699')))
      .service_requests.request as any[];
    expect(xmlList.map((r) => r.service_request_id)).toEqual(expect.arrayContaining(both));

    for (const query of [
      'status=open,maybe',
      `start_date=${iso(-100 * day)}&end_date=${iso(0)}`,
      `start_date=${iso(0)}&end_date=${iso(-day)}`,
      'start_date=2026-11-21T09:00:00', // no time zone
      'start_date=yesterday',
      'service_request_id=123',
    ]) {
      const res = await api(`/requests.json?${query}`);
      expect(res.status, query).toBe(400);
      expect(((await json(res)) as any[])[0].code).toBe(400);
    }
  });

  it('serves its one jurisdiction, with or without jurisdiction_id, and refuses another with 404', async () => {
    for (const q of ['', '?jurisdiction_id=sz.gov.cn', '?jurisdiction_id=', '?jurisdiction_id=SZ.GOV.CN']) {
      expect((await api(`/services.json${q}`)).status, q).toBe(200);
    }
    for (const path of [
      '/services.xml',
      '/services/SJ0401.xml',
      '/requests.xml',
      '/requests/2026010100000000.xml',
    ]) {
      const res = await api(`${path}?jurisdiction_id=sfgov.org`);
      expect(res.status, path).toBe(404);
      expect((await xml(res)).errors.error[0]).toMatchObject({ code: '404' });
    }
    const before = await stored();
    const at = await point();
    const res = await post('json', {
      jurisdiction_id: 'sfgov.org',
      service_code: 'SJ0699',
      lat: String(at.lat),
      long: String(at.lon),
      description: 'x',
    });
    expect(res.status).toBe(404);
    expect(((await json(res)) as any[])[0].description).toMatch(/sz\.gov\.cn/);
    expect(await stored()).toEqual(before);
  });

  it('answers every refusal on every path as the spec’s error list, its code the HTTP status', async () => {
    const exampleXml = open311XmlParser.parse(ERRORS.xml).errors.error[0];
    const big = `service_code=SJ0699&description=${'x'.repeat(70 * 1024)}`;
    const form = { 'content-type': 'application/x-www-form-urlencoded' };
    const cases: [string, string, RequestInit, number, 'xml' | 'json'][] = [
      ['an unknown resource', '/nothing.json', {}, 404, 'json'],
      ['the root', '/', {}, 404, 'xml'],
      ['the root without a slash', '', {}, 404, 'xml'],
      ['a token (we never issue them)', '/tokens/1.xml', {}, 404, 'xml'],
      ['a format we do not offer', '/services.csv', {}, 400, 'xml'],
      [
        'a format we do not offer, JSON accepted',
        '/requests.csv',
        { headers: { accept: 'application/json' } },
        400,
        'json',
      ],
      ['no format', '/requests', {}, 400, 'xml'],
      ['a definition in no format we offer', '/services/SJ0401.html', {}, 400, 'xml'],
      ['a request that is not a tracking number', '/requests/123.json', {}, 404, 'json'],
      ['a request that does not exist', '/requests/9999999999999999.xml', {}, 404, 'xml'],
      ['a path escaping the endpoint', '/requests/..%2F..%2Fpackage.json', {}, 404, 'json'],
      ['POST on services', '/services.json', { method: 'POST' }, 405, 'json'],
      ['DELETE on requests', '/requests.xml', { method: 'DELETE' }, 405, 'xml'],
      [
        'POST in a format we do not offer',
        '/requests.csv',
        { method: 'POST', headers: form, body: 'a=b' },
        400,
        'xml',
      ],
      [
        'a JSON body that is no object',
        '/requests.json',
        { method: 'POST', headers: { 'content-type': 'application/json' }, body: '[1,2]' },
        400,
        'json',
      ],
      [
        'no service_code',
        '/requests.xml',
        { method: 'POST', headers: form, body: 'lat=22.54&long=114.05&description=x' },
        400,
        'xml',
      ],
      [
        'an unknown service_code',
        '/requests.json',
        { method: 'POST', headers: form, body: 'service_code=NOPE&lat=22.54&long=114.05&description=x' },
        404,
        'json',
      ],
      [
        'a bad coordinate',
        '/requests.json',
        { method: 'POST', headers: form, body: 'service_code=SJ0401&lat=north&long=114&description=x' },
        400,
        'json',
      ],
      [
        'outside the city',
        '/requests.xml',
        { method: 'POST', headers: form, body: 'service_code=SJ0401&lat=23.5&long=113&description=x' },
        400,
        'xml',
      ],
      [
        'an unknown asset as address_id',
        '/requests.json',
        {
          method: 'POST',
          headers: form,
          body: 'service_code=SJ0699&address_id=JZ-000000-0000&description=x',
        },
        404,
        'json',
      ],
      [
        'no description',
        '/requests.xml',
        { method: 'POST', headers: form, body: 'service_code=SJ0401&lat=22.54&long=114.05' },
        400,
        'xml',
      ],
      ['a body over 64 KiB', '/requests.xml', { method: 'POST', headers: form, body: big }, 413, 'xml'],
    ];
    const before = await stored();
    for (const [what, path, init, status, format] of cases) {
      const res = await api(path, init);
      expect(res.status, what).toBe(status);
      if (format === 'xml') {
        const errors = (await xml(res)).errors.error as any[];
        expect(errors.length, what).toBeGreaterThan(0);
        for (const e of errors) {
          expect(keys(e), what).toEqual(keys(exampleXml));
          expect(e.code, what).toBe(String(status));
          expect(e.description.length, what).toBeGreaterThan(0);
        }
      } else {
        const errors = (await json(res)) as any[];
        expect(errors.length, what).toBeGreaterThan(0);
        for (const e of errors) {
          expect(keys(e), what).toEqual(keys(ERRORS.json[0]!));
          expect(e, what).toMatchObject({ code: status, description: expect.any(String) });
        }
      }
      if (status === 405) expect(res.headers.get('allow'), what).toMatch(/GET/);
    }
    expect(await stored()).toEqual(before);

    // Too many requests: 429 with Retry-After, in the same shape.
    const limited = open311App({ publicPerMinute: 2 });
    expect((await limited('/services.json')).status).toBe(200);
    expect((await limited('/services.json')).status).toBe(200);
    const refused = await limited('/services.json');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBeTruthy();
    expect(((await json(refused)) as any[])[0]).toMatchObject({ code: 429 });
    const refusedXml = await limited('/requests.xml');
    expect((await xml(refusedXml)).errors.error[0].code).toBe('429');
  });
});

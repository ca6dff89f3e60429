import { describe, expect, it } from 'vitest';
import { checkJurisdiction } from './jurisdiction.ts';
import { reportFromFields } from './report-fields.ts';

const refusal = (run: () => unknown) => {
  try {
    run();
    return 'accepted';
  } catch (error) {
    return (error as Error).message;
  }
};

describe('a POST requests body as a report', () => {
  it('takes lat and long, an address_string or an address_id as the location', () => {
    expect(
      reportFromFields({ service_code: 'SJ0401', lat: '22.54', long: '114.05', description: 'd' }),
    ).toMatchObject({
      categoryCode: 'SJ0401',
      location: { lat: 22.54, lon: 114.05 },
      assetCode: null,
      address: null,
    });
    expect(reportFromFields({ service_code: 'SJ0401', address_string: ' 福田区某楼 ' })).toMatchObject({
      location: null,
      address: '福田区某楼',
    });
    expect(reportFromFields({ service_code: 'SJ0401', address_id: 'JZ-440304-000123' })).toMatchObject({
      assetCode: 'JZ-440304-000123',
    });
  });

  it('keeps the name (family name first), phone and media_url; drops what it does not keep', () => {
    const report = reportFromFields({
      service_code: 'SJ0401',
      lat: '22.54',
      long: '114.05',
      first_name: '小明',
      last_name: '王',
      phone: ' 13700000000 ',
      media_url: 'https://example.org/a.jpg',
      email: 'a@example.org',
    });
    expect(report).toMatchObject({
      reporterName: '王小明',
      reporterPhone: '13700000000',
      mediaUrl: 'https://example.org/a.jpg',
    });
    expect(JSON.stringify(report)).not.toContain('a@example.org');
  });

  it.each([
    [{ lat: '22.54', long: '114.05' }, /service_code was not given/],
    [{ service_code: 'SJ0401' }, /lat and long .*address_string.*address_id/],
    [{ service_code: 'SJ0401', lat: '22.54' }, /together/],
    [{ service_code: 'SJ0401', lat: '91', long: '114' }, /lat is not a coordinate/],
    [{ service_code: 'SJ0401', lat: '22', long: 'east' }, /long is not a coordinate/],
  ])('refuses %j', (fields, message) => {
    expect(refusal(() => reportFromFields(fields))).toMatch(message);
  });
});

describe('jurisdiction_id', () => {
  it('may be left out or empty, or be ours in any case; another is not found', () => {
    for (const given of [undefined, null, '', ' ', 'sz.gov.cn', 'SZ.gov.CN', 'www.sz.gov.cn']) {
      expect(refusal(() => checkJurisdiction(given, 'sz.gov.cn'))).toBe('accepted');
    }
    expect(refusal(() => checkJurisdiction('sfgov.org', 'sz.gov.cn'))).toMatch(
      /not served here; .*sz\.gov\.cn/,
    );
  });
});

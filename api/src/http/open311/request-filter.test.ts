import { describe, expect, it } from 'vitest';
import { MAX_REQUESTS, requestFilter } from './request-filter.ts';

const NOW = new Date('2026-11-21T01:00:00Z');
const DAY = 86_400_000;
const filter = (query: Record<string, string | string[]>) =>
  requestFilter((name) => {
    const v = query[name];
    return v === undefined ? undefined : Array.isArray(v) ? v : [v];
  }, NOW);
const refusal = (query: Record<string, string | string[]>) => {
  try {
    filter(query);
    return 'accepted';
  } catch (error) {
    return (error as Error).message;
  }
};

describe('GET requests: the query as a filter', () => {
  it('defaults to the last 90 days, all statuses and services, 1000 at most', () => {
    expect(filter({})).toEqual({
      trackingNos: null,
      categories: null,
      statuses: null,
      from: new Date(NOW.getTime() - 90 * DAY),
      to: null,
      limit: MAX_REQUESTS,
    });
  });

  it('reads several statuses and service codes, comma-separated or repeated; empty is not given', () => {
    expect(filter({ status: 'open,closed' }).statuses).toBeNull();
    expect(filter({ status: ['open', 'closed'] }).statuses).toBeNull();
    expect(filter({ status: ' closed ' }).statuses).toEqual(['closed']);
    expect(filter({ status: '' }).statuses).toBeNull();
    expect(filter({ service_code: 'SJ0401, sj0699' }).categories).toEqual(['SJ0401', 'SJ0699']);
    expect(filter({ service_code: ['SJ0401', 'BJ0107'] }).categories).toEqual(['SJ0401', 'BJ0107']);
    expect(filter({ service_code: ',' }).categories).toBeNull();
  });

  it('lets service_request_id override everything else', () => {
    const ids = '2026112100000001,2026112100000002';
    expect(filter({ service_request_id: ids, status: 'open', start_date: '2020-01-01T00:00:00Z' })).toEqual({
      trackingNos: ['2026112100000001', '2026112100000002'],
      categories: null,
      statuses: null,
      from: null,
      to: null,
      limit: 2,
    });
  });

  it('keeps start_date to end_date within 90 days, and reads one date as 90 days from or to it', () => {
    const start = '2026-09-01T00:00:00+08:00';
    const s = new Date(start).getTime();
    expect(filter({ start_date: start })).toMatchObject({ from: new Date(s), to: new Date(s + 90 * DAY) });
    expect(filter({ end_date: start })).toMatchObject({ from: new Date(s - 90 * DAY), to: new Date(s) });
    expect(filter({ start_date: start, end_date: '2026-11-30T00:00:00+08:00' })).toMatchObject({
      from: new Date(s),
      to: new Date('2026-11-30T00:00:00+08:00'),
    });
    expect(filter({ start_date: '2026-11-01' }).from).toEqual(new Date('2026-11-01T00:00:00Z'));
  });

  it.each([
    [{ status: 'open,maybe' }, /status: open or closed/],
    [{ start_date: 'yesterday' }, /start_date: a W3C date-time/],
    [{ end_date: '2026-11-21T09:00:00' }, /end_date: a W3C date-time/],
    [{ start_date: '2026-01-01T00:00:00Z', end_date: '2026-06-01T00:00:00Z' }, /at most 90 days/],
    [{ start_date: '2026-06-01T00:00:00Z', end_date: '2026-06-01T00:00:00Z' }, /after start_date/],
    [{ service_request_id: '123' }, /16-digit tracking number/],
    [
      { service_request_id: Array.from({ length: 101 }, (_, i) => String(1e15 + i)).join(',') },
      /at most 100/,
    ],
    [{ service_code: "SJ0401'--" }, /not a service code/],
  ])('refuses %j', (query, message) => {
    expect(refusal(query)).toMatch(message);
  });
});

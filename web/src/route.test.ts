import { describe, expect, it } from 'vitest';
import { casePath, parseRoute } from './route.ts';

describe('parseRoute', () => {
  it('maps paths to pages', () => {
    expect(parseRoute('/')).toEqual({ page: 'screen' });
    expect(parseRoute('/r/BD-440304-000123')).toEqual({ page: 'report', code: 'BD-440304-000123' });
    expect(parseRoute('/t/2026112112345678')).toEqual({ page: 'status', trackingNo: '2026112112345678' });
    expect(parseRoute('/console')).toEqual({ page: 'console', caseId: null });
    expect(parseRoute('/console/')).toEqual({ page: 'console', caseId: null });
    expect(parseRoute(casePath('Q2FzZTox'))).toEqual({ page: 'console', caseId: 'Q2FzZTox' });
    expect(parseRoute('/analyst')).toEqual({ page: 'analyst' });
    expect(parseRoute('/analyst/')).toEqual({ page: 'analyst' });
    expect(parseRoute('/analyst/x')).toEqual({ page: 'screen' });
    expect(parseRoute('/r')).toEqual({ page: 'screen' });
    expect(parseRoute('/somewhere/else')).toEqual({ page: 'screen' });
  });
});

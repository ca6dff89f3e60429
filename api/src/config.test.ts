import { describe, expect, it } from 'vitest';
import { loadConfig, parsePreset } from './config.ts';
import { StartupError } from './startup-error.ts';

describe('config', () => {
  it('defaults to the embedded database on port 8080', () => {
    const config = loadConfig({});
    expect(config.databaseUrl).toBeNull();
    expect(config.port).toBe(8080);
    expect(Object.isFrozen(config)).toBe(true);
  });

  it.each([
    ['PORT', { PORT: 'abc' }, /PORT="abc" is not a port number/],
    ['SEED_PRESET', { SEED_PRESET: 'huge' }, /unknown preset "huge"/],
    ['SEED', { SEED: '-1' }, /not a non-negative integer/],
    ['CORS_ORIGINS', { CORS_ORIGINS: 'https://a.example/path' }, /not an origin/],
    ['TRUST_PROXY', { TRUST_PROXY: 'maybe' }, /not a yes\/no value/],
    ['LOGIN_MAX_FAILURES', { LOGIN_MAX_FAILURES: '0' }, /out of range/],
    ['OPEN311_JURISDICTION_ID', { OPEN311_JURISDICTION_ID: 'http://sz.gov.cn/' }, /not a jurisdiction id/],
  ])('rejects a bad %s with an actionable error', (_name, env, message) => {
    expect(() => loadConfig(env)).toThrow(StartupError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('reads the access settings with safe defaults', () => {
    const { access } = loadConfig({ CORS_ORIGINS: 'https://a.example, http://b.example:8081' });
    expect(access.corsOrigins).toEqual(['https://a.example', 'http://b.example:8081']);
    expect(access.trustProxy).toBe(false);
    expect(access.sessionIdleSeconds).toBe(12 * 3600);
    expect(access.loginMaxFailures).toBe(5);
    expect(access.persistedOperationsFile).toBeNull();
  });

  it('serves one Open311 jurisdiction, sz.gov.cn unless OPEN311_JURISDICTION_ID names another', () => {
    expect(loadConfig({}).cases.open311JurisdictionId).toBe('sz.gov.cn');
    expect(loadConfig({ OPEN311_JURISDICTION_ID: ' Example.GOV.cn ' }).cases.open311JurisdictionId).toBe(
      'example.gov.cn',
    );
  });

  it('names the valid presets', () => {
    expect(() => parsePreset('xl')).toThrow('use one of: demo, large');
  });
});

import { describe, expect, it } from 'vitest';
import { can, PERMISSIONS, ROLES, USER_ROLES } from './roles.ts';

describe('roles', () => {
  it.each([
    ['leader', 'map:read', true],
    ['leader', 'alerts:handle', false],
    ['leader', 'cases:dispatch', false],
    ['duty_officer', 'alerts:handle', true],
    ['duty_officer', 'cases:dispatch', true],
    ['duty_officer', 'admin:manage', false],
    ['unit_handler', 'cases:handle', true],
    ['unit_handler', 'cases:dispatch', false],
    ['analyst', 'data:export', true],
    ['analyst', 'alerts:handle', false],
    ['api_client', 'map:read', true],
    ['api_client', 'admin:manage', false],
    ['api_client', 'audit:read', false],
  ] as const)('%s may %s: %s', (role, permission, allowed) => {
    expect(can(role, permission)).toBe(allowed);
  });

  it('gives the administrator every permission and everyone the map', () => {
    for (const p of PERMISSIONS) expect(can('admin', p)).toBe(true);
    for (const r of ROLES) expect(can(r, 'map:read')).toBe(true);
  });

  it('keeps api_client for tokens only', () => {
    expect(USER_ROLES).not.toContain('api_client');
    expect(USER_ROLES).toHaveLength(ROLES.length - 1);
  });
});

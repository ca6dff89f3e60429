// Roles and what each may do. Pure: the GraphQL layer asks `can(role, permission)` through pothos scope-auth,
// HTTP routes ask it directly. Later issues (alerts, cases, exports) check the permissions named here.

export const ROLES = ['leader', 'duty_officer', 'unit_handler', 'analyst', 'admin', 'api_client'] as const;
export type Role = (typeof ROLES)[number];

/** Roles a person can sign in with; api_client is for bearer tokens only. */
export const USER_ROLES = ROLES.filter((r) => r !== 'api_client');

export const PERMISSIONS = [
  /** Assets, devices, readings, areas and figures, within the caller's area scope. */
  'map:read',
  /** Download result sets (analyst workbench, other systems). */
  'data:export',
  /** Acknowledge and escalate alerts, open cases from them. */
  'alerts:handle',
  /** Register, dispatch, verify and close cases. */
  'cases:dispatch',
  /** Work on cases dispatched to one's own unit. */
  'cases:handle',
  /** Send device readings (POST /ingest, ingestReadings). */
  'readings:ingest',
  /** Users, API tokens and alert rules. */
  'admin:manage',
  /** Read the audit log. */
  'audit:read',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const GRANTS: Record<Role, readonly Permission[]> = {
  // The video wall: looks, never touches.
  leader: ['map:read'],
  duty_officer: ['map:read', 'alerts:handle', 'cases:dispatch'],
  unit_handler: ['map:read', 'cases:handle'],
  analyst: ['map:read', 'data:export'],
  admin: PERMISSIONS,
  api_client: ['map:read', 'data:export', 'readings:ingest'],
};

export function can(role: Role, permission: Permission): boolean {
  return GRANTS[role].includes(permission);
}

export function permissionsOf(role: Role): readonly Permission[] {
  return GRANTS[role];
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export const ROLE_LABELS: Record<Role, { zh: string; en: string }> = {
  leader: { zh: '领导', en: 'Leader' },
  duty_officer: { zh: '值班员', en: 'Duty officer' },
  unit_handler: { zh: '责任单位处置员', en: 'Unit handler' },
  analyst: { zh: '分析员', en: 'Analyst' },
  admin: { zh: '系统管理员', en: 'Administrator' },
  api_client: { zh: '接口客户端', en: 'API client' },
};

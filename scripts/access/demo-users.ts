// Demo accounts for the demo city, one per role plus a district-scoped officer, created by `npm start` when it
// seeds the demo city into an empty database. Their shared password is printed at start while it still works.
import type pg from 'pg';
import { createUser } from '../../api/src/access/accounts.service.ts';
import { verifyPassword } from '../../api/src/access/passwords.ts';
import type { Role } from '../../api/src/access/roles.ts';
import { ROLE_LABELS } from '../../api/src/access/roles.ts';
import { countUsers } from '../../api/src/store/accounts.repo.ts';
import { queryRows } from '../../api/src/store/db.ts';

export const DEMO_PASSWORD = 'Demo-2026';

interface DemoUser {
  username: string;
  displayName: string;
  role: Exclude<Role, 'api_client'>;
  /** null: the whole city. A unit handler works for the area's housing bureau (the unit most cases go to). */
  area: string | null;
}

const FUTIAN = '440304';

const DEMO_USERS: readonly DemoUser[] = [
  { username: 'admin', displayName: '系统管理员', role: 'admin', area: null },
  { username: 'leader', displayName: '市领导', role: 'leader', area: null },
  { username: 'duty', displayName: '市值班员', role: 'duty_officer', area: null },
  { username: 'futian.duty', displayName: '福田区值班员', role: 'duty_officer', area: FUTIAN },
  { username: 'analyst', displayName: '数据分析员', role: 'analyst', area: null },
  { username: 'handler', displayName: '福田区责任单位处置员', role: 'unit_handler', area: FUTIAN },
];

async function firstUnitIn(pool: pg.Pool, area: string): Promise<string> {
  const rows = await queryRows<{ code: string }>(
    pool,
    {
      text: "SELECT code FROM responsible_units WHERE area_code = $1 ORDER BY kind = 'housing_bureau' DESC, code LIMIT 1",
    },
    [area],
    'picking a unit for the demo handler',
  );
  if (!rows[0]) throw new Error(`the demo city has no responsible unit in ${area}`);
  return rows[0].code;
}

/** Creates the demo accounts when no account exists; returns how many it created. */
export async function ensureDemoUsers(pool: pg.Pool): Promise<number> {
  if ((await countUsers(pool)) > 0) return 0;
  const actor = {
    kind: 'system',
    id: null,
    name: 'npm start (demo)',
    origin: { ip: null, userAgent: null },
  } as const;
  for (const u of DEMO_USERS) {
    await createUser(pool, actor, {
      username: u.username,
      displayName: u.displayName,
      role: u.role,
      areaCode: u.area,
      unitCode: u.role === 'unit_handler' ? await firstUnitIn(pool, u.area ?? FUTIAN) : null,
      password: DEMO_PASSWORD,
      demo: true,
    });
  }
  return DEMO_USERS.length;
}

/** Lines telling how to sign in as each demo account whose demo password still works. */
export async function demoLoginLines(pool: pg.Pool): Promise<string[]> {
  const { rows } = await pool.query<{
    username: string;
    role: Role;
    area_code: string | null;
    password_hash: string;
  }>('SELECT username, role, area_code, password_hash FROM users WHERE demo AND NOT disabled ORDER BY id');
  const lines: string[] = [];
  for (const r of rows) {
    if (!(await verifyPassword(r.password_hash, DEMO_PASSWORD))) continue;
    const scope = r.area_code ? `area ${r.area_code}` : 'whole city';
    lines.push(
      `    ${r.username.padEnd(12)} ${ROLE_LABELS[r.role].en} (${ROLE_LABELS[r.role].zh}), ${scope}`,
    );
  }
  return lines.length ? [`  demo sign-in (password ${DEMO_PASSWORD}):`, ...lines] : [];
}

// Sign-in, sessions, lockout, tokens, roles, the audit log, persisted operations and the HTTP hardening,
// through the real app against PostGIS.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestToken, graphqlClient, TEST_ACTOR } from '../../../scripts/test/graphql-client.ts';
import { testDatabaseUrl } from '../../../scripts/test/test-database.ts';
import { loadConfig } from '../config.ts';
import { schema } from '../graphql/schema.ts';
import { createApp } from '../http/app.ts';
import { createPool } from '../store/db.ts';
import { createUser } from './accounts.service.ts';

const pool = createPool(testDatabaseUrl(), { max: 4 });
afterAll(() => pool.end());

const config = loadConfig({});
const run = Date.now().toString(36);
const PASSWORD = 'Correct-horse-9';
const app = createApp({
  pool,
  mode: 'external',
  webDistDir: config.webDistDir,
  access: {
    ...config.access,
    loginMaxFailures: 3,
    corsOrigins: ['https://partner.example'],
    trustProxy: true,
  },
  log: () => undefined,
});

async function newUser(role: 'leader' | 'admin' | 'analyst' | 'duty_officer', area: string | null = null) {
  const username = `t${run}.${role}.${Math.random().toString(36).slice(2, 6)}`;
  const user = await createUser(pool, TEST_ACTOR, {
    username,
    displayName: username,
    role,
    areaCode: area,
    unitCode: null,
    password: PASSWORD,
  });
  return { ...user, username };
}

function login(username: string, password: string, ip = '10.0.0.1') {
  return app.request('/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
    body: JSON.stringify({ username, password }),
  });
}

function cookieOf(res: Response): string {
  return res.headers.get('set-cookie')!.split(';')[0]!;
}

async function gql(cookie: string, query: string, variables: Record<string, unknown> = {}) {
  const res = await app.request('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, ...((await res.json()) as any) };
}

async function auditRows(action: string, targetId: string | number) {
  const { rows } = await pool.query(
    'SELECT * FROM audit_log WHERE action = $1 AND target_id = $2 ORDER BY id',
    [action, String(targetId)],
  );
  return rows;
}

const MUTATIONS_TESTED = new Set<string>();

describe('web sign-in', () => {
  let admin: Awaited<ReturnType<typeof newUser>>;
  beforeAll(async () => {
    admin = await newUser('admin');
  });

  it('sets an httpOnly, SameSite session cookie; the session works for GraphQL and ends at logout', async () => {
    const res = await login(admin.username, PASSWORD);
    expect(res.status).toBe(200);
    const setCookie = res.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/com_session=[A-Za-z0-9_-]{43}/);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    expect(setCookie).toMatch(/Path=\//);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const cookie = cookieOf(res);
    const me = await app.request('/auth/me', { headers: { cookie } });
    expect(await me.json()).toMatchObject({ kind: 'user', name: admin.username, role: 'admin', area: null });
    expect((await gql(cookie, '{ me { name role } }')).data.me).toEqual({
      name: admin.username,
      role: 'ADMIN',
    });
    // the session's secret is stored only as a hash
    const { rows } = await pool.query('SELECT count(*)::int AS n FROM sessions WHERE secret_hash = $1', [
      cookie.split('=')[1],
    ]);
    expect(rows[0].n).toBe(0);
    // A cross-site form post (no JSON) cannot sign anyone out.
    const form = await app.request('/auth/logout', {
      method: 'POST',
      headers: {
        cookie,
        'content-type': 'application/x-www-form-urlencoded',
        origin: 'https://evil.example',
      },
      body: '',
    });
    expect(form.status).toBe(400);
    expect((await app.request('/auth/me', { headers: { cookie } })).status).toBe(200);
    const out = await app.request('/auth/logout', {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(out.status).toBe(200);
    expect((await app.request('/auth/me', { headers: { cookie } })).status).toBe(401);
    expect((await gql(cookie, '{ me { name } }')).status).toBe(401);
    expect((await auditRows('signIn', admin.id)).at(-1)).toMatchObject({ outcome: 'ok', ip: '10.0.0.1' });
    expect((await auditRows('signOut', admin.id)).length).toBe(1);
  });

  it('answers a wrong password and an unknown user alike, and locks after repeated failures', async () => {
    const user = await newUser('leader');
    const unknown = await login(`nobody${run}`, PASSWORD, '10.0.1.1');
    const wrong = await login(user.username, 'Wrong-pass-1', '10.0.1.2');
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect(await unknown.json()).toEqual(await wrong.json());
    await login(user.username, 'Wrong-pass-2', '10.0.1.3');
    await login(user.username, 'Wrong-pass-3', '10.0.1.4'); // the third failure locks (loginMaxFailures: 3)
    const locked = await login(user.username, PASSWORD, '10.0.1.5');
    expect(locked.status).toBe(401);
    expect(((await locked.json()) as any).error.message).toMatch(/locked/);
    const denied = await auditRows('signIn', user.id);
    expect(denied.map((r) => r.outcome)).toEqual(['denied', 'denied', 'denied', 'denied']);
    expect(denied.at(-1).detail.reason).toBe('locked');

    // an administrator unlocks it
    const adminCookie = cookieOf(await login(admin.username, PASSWORD, '10.0.1.6'));
    MUTATIONS_TESTED.add('unlockUser');
    const unlocked = await gql(
      adminCookie,
      'mutation($id: Int!) { unlockUser(id: $id) { failedLogins lockedUntil } }',
      {
        id: user.id,
      },
    );
    expect(unlocked.data.unlockUser).toEqual({ failedLogins: 0, lockedUntil: null });
    expect((await login(user.username, PASSWORD, '10.0.1.7')).status).toBe(200);
    const [entry] = await auditRows('unlockUser', user.id);
    expect(entry.before.lockedUntil).not.toBeNull();
    expect(entry.after.lockedUntil).toBeNull();
  });

  it('rate limits sign-in attempts per client', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < config.access.loginPerMinute + 2; i++) {
      statuses.push((await login(`flood${i}`, 'x', '10.9.9.9')).status);
    }
    expect(statuses.slice(0, config.access.loginPerMinute).every((s) => s === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    expect((await login('other', 'x', '10.9.9.8')).status).toBe(401);
  });

  it('refuses malformed sign-in bodies with 4xx', async () => {
    for (const body of [
      '',
      '{',
      '[]',
      '{"username": 5}',
      JSON.stringify({ username: 'a'.repeat(500), password: 'b' }),
    ]) {
      const res = await app.request('/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': '10.7.7.7' },
        body,
      });
      expect(res.status, body).toBe(400);
    }
    const huge = await app.request('/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'x', password: 'y'.repeat(20_000) }),
    });
    expect(huge.status).toBe(413);
  });
});

describe('GraphQL access', () => {
  it('answers nothing, not even introspection, without credentials', async () => {
    for (const query of ['{ __schema { types { name } } }', '{ areas { totalCount } }', '{ __typename }']) {
      const res = await app.request('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query }),
      });
      expect(res.status).toBe(401);
      expect(((await res.json()) as any).errors[0].extensions.code).toBe('UNAUTHENTICATED');
      expect(res.headers.get('www-authenticate')).toMatch(/Bearer/);
    }
    const signedIn = graphqlClient(pool, { role: 'api_client', log: () => undefined });
    const intro = await signedIn.query('{ __schema { queryType { name } } }');
    expect(intro.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
  });

  it('refuses malformed, unknown, expired and revoked tokens', async () => {
    const token = await createTestToken('analyst');
    const ask = (authorization: string) =>
      app.request('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization },
        body: JSON.stringify({ query: '{ me { name } }' }),
      });
    expect((await ask(`Bearer ${token}`)).status).toBe(200);
    for (const bad of [
      'Bearer nonsense',
      `Bearer ${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`,
      `Token ${token}`,
    ]) {
      const res = await ask(bad);
      expect(res.status, bad).toBe(401);
      expect(((await res.json()) as any).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    }
    await pool.query("UPDATE api_tokens SET expires_at = now() - interval '1 s' WHERE prefix = $1", [
      token.slice(0, 11),
    ]);
    expect((await ask(`Bearer ${token}`)).status).toBe(401);
  });

  it('lets an administrator manage users and tokens, audited with the state before and after', async () => {
    const admin = graphqlClient(pool, { role: 'admin', log: () => undefined });
    const username = `t${run}.new`;
    MUTATIONS_TESTED.add('createUser').add('updateUser').add('resetPassword');
    const created = await admin.query<any>(
      `mutation($u: String!) { createUser(input: { username: $u, displayName: "新用户", password: "Pass-word-1",
        role: DUTY_OFFICER, areaCode: "440304" }) { id username role areaCode } }`,
      { u: username },
    );
    expect(created.errors).toBeUndefined();
    const id = created.data.createUser.id;
    expect(created.data.createUser).toMatchObject({ username, role: 'DUTY_OFFICER', areaCode: '440304' });
    const taken = await admin.query(
      `mutation($u: String!) { createUser(input: { username: $u, displayName: "x", password: "Pass-word-1", role: LEADER }) { id } }`,
      { u: username },
    );
    expect(taken.errors?.[0]?.extensions?.code).toBe('CONFLICT');

    // the user signs in, then a role change signs them out everywhere
    const cookie = cookieOf(await login(username, 'Pass-word-1', '10.3.0.1'));
    expect((await gql(cookie, '{ me { role } }')).data.me.role).toBe('DUTY_OFFICER');
    const updated = await admin.query<any>(
      'mutation($id: Int!) { updateUser(id: $id, input: { role: LEADER, areaCode: null }) { role areaCode } }',
      { id },
    );
    expect(updated.data.updateUser).toEqual({ role: 'LEADER', areaCode: null });
    // fields left out keep their value
    const renamed = await admin.query<any>(
      'mutation($id: Int!) { updateUser(id: $id, input: { displayName: "改名" }) { displayName role disabled } }',
      { id },
    );
    expect(renamed.data.updateUser).toEqual({ displayName: '改名', role: 'LEADER', disabled: false });
    expect((await gql(cookie, '{ me { role } }')).status).toBe(401);
    const [audit] = await auditRows('updateUser', id);
    expect(audit).toMatchObject({
      actor_kind: 'token',
      outcome: 'ok',
      before: { role: 'duty_officer', areaCode: '440304' },
      after: { role: 'leader', areaCode: null },
    });
    expect(JSON.stringify(audit)).not.toMatch(/argon2/);

    const reset = await admin.query(
      'mutation($id: Int!) { resetPassword(id: $id, password: "Another-pass-2") { id } }',
      {
        id,
      },
    );
    expect(reset.errors).toBeUndefined();
    expect((await login(username, 'Another-pass-2', '10.3.0.2')).status).toBe(200);

    // tokens: created, listed without the secret, used, revoked
    MUTATIONS_TESTED.add('createApiToken').add('revokeApiToken');
    const made = await admin.query<any>(
      'mutation { createApiToken(input: { name: "partner", areaCode: "440304", days: 30 }) { token apiToken { id role areaCode prefix } } }',
    );
    expect(made.errors).toBeUndefined();
    const { token, apiToken } = made.data.createApiToken;
    expect(apiToken).toMatchObject({ role: 'API_CLIENT', areaCode: '440304' });
    expect(token.startsWith(apiToken.prefix)).toBe(true);
    const list = await admin.query<any>('{ apiTokens { id prefix } }');
    expect(JSON.stringify(list.data)).not.toContain(token);
    const use = () =>
      app.request('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: '{ me { area { code } } }' }),
      });
    expect((await (await use()).json()) as any).toMatchObject({ data: { me: { area: { code: '440304' } } } });
    const revoked = await admin.query<any>('mutation($id: Int!) { revokeApiToken(id: $id) { revokedAt } }', {
      id: apiToken.id,
    });
    expect(revoked.data.revokeApiToken.revokedAt).not.toBeNull();
    expect((await use()).status).toBe(401);

    // the audit log, for admins, filtered
    const log = await admin.query<any>(
      'query($id: String) { auditLog(filter: { targetType: "user", targetId: $id }, first: 10) { totalCount edges { node { action outcome actorKind } } } }',
      { id: String(id) },
    );
    expect(log.data.auditLog.edges.map((e: any) => e.node.action)).toEqual([
      'signIn',
      'resetPassword',
      'updateUser',
      'updateUser',
      'signIn',
      'createUser',
    ]);
  });

  it('refuses admin mutations to other roles, and audits the refusal', async () => {
    const leader = graphqlClient(pool, { role: 'leader', log: () => undefined });
    const res = await leader.query(
      'mutation { createUser(input: { username: "sneaky", displayName: "x", password: "Pass-word-1", role: ADMIN }) { id } }',
    );
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const { rows } = await pool.query(
      "SELECT outcome, detail FROM audit_log WHERE action = 'createUser' AND outcome = 'denied' ORDER BY id DESC LIMIT 1",
    );
    expect(rows[0].detail.arguments.input).toMatchObject({ username: 'sneaky', password: '[redacted]' });
    expect((await pool.query("SELECT 1 FROM users WHERE username = 'sneaky'")).rowCount).toBe(0);
  });

  it('lets a person change their own password, not a token', async () => {
    MUTATIONS_TESTED.add('changeMyPassword');
    const user = await newUser('analyst');
    const cookie = cookieOf(await login(user.username, PASSWORD, '10.4.0.1'));
    const other = cookieOf(await login(user.username, PASSWORD, '10.4.0.3'));
    const wrong = await gql(
      cookie,
      'mutation { changeMyPassword(currentPassword: "nope-nope-1", newPassword: "Fresh-pass-3") }',
    );
    expect(wrong.errors[0].extensions.code).toBe('FORBIDDEN');
    const changed = await gql(
      cookie,
      'mutation($c: String!) { changeMyPassword(currentPassword: $c, newPassword: "Fresh-pass-3") }',
      { c: PASSWORD },
    );
    expect(changed.data).toEqual({ changeMyPassword: true });
    expect((await gql(cookie, '{ me { name } }')).status).toBe(200);
    expect((await gql(other, '{ me { name } }')).status).toBe(401);
    expect((await login(user.username, 'Fresh-pass-3', '10.4.0.2')).status).toBe(200);
    const token = graphqlClient(pool, { role: 'analyst', log: () => undefined });
    const res = await token.query('mutation { changeMyPassword(currentPassword: "a", newPassword: "b") }');
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses alert, rule and ingest mutations to roles without the permission', async () => {
    MUTATIONS_TESTED.add('acknowledgeAlert')
      .add('createAlertRule')
      .add('updateAlertRule')
      .add('ingestReadings');
    const leader = graphqlClient(pool, { role: 'leader', log: () => undefined });
    const analyst = graphqlClient(pool, { role: 'analyst', log: () => undefined });
    const refused = [
      await leader.query('mutation { acknowledgeAlert(id: "1", comment: "x") { id } }'),
      await analyst.query(
        'mutation { updateAlertRule(input: { id: 1, version: 1, enabled: false }) { id } }',
      ),
      await analyst.query(
        'mutation { createAlertRule(input: { code: "x.y", name: "x", nameEn: "x", deviceType: CAMERA, definition: {}, citation: "x" }) { id } }',
      ),
      await analyst.query(
        'mutation { ingestReadings(readings: [{ device: "DV-X", metric: "pm10", ts: "2026-01-01T00:00:00Z", value: 1 }]) { stored } }',
      ),
    ];
    for (const res of refused) expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses case mutations and escalation to roles without the permission', async () => {
    MUTATIONS_TESTED.add('createCase').add('transitionCase').add('escalateAlert');
    const leader = graphqlClient(pool, { role: 'leader', log: () => undefined });
    const analyst = graphqlClient(pool, { role: 'analyst', log: () => undefined });
    const refused = [
      await leader.query('mutation { escalateAlert(id: "1", comment: "x") { id } }'),
      await leader.query(
        'mutation { createCase(input: { source: HOTLINE, category: "SJ0699", description: "x", location: { lon: 114.05, lat: 22.54 } }) { case { id } } }',
      ),
      await analyst.query('mutation { transitionCase(id: "1", action: ACCEPT, version: 1) { id } }'),
    ];
    for (const res of refused) expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const audited = await pool.query(
      "SELECT count(*)::int AS n FROM audit_log WHERE action IN ('createCase', 'transitionCase', 'escalateAlert') AND outcome = 'denied'",
    );
    expect(audited.rows[0].n).toBeGreaterThanOrEqual(3);
  });

  it('lets only administrators issue and revoke MQTT credentials, audited without the secret', async () => {
    MUTATIONS_TESTED.add('issueMqttCredential').add('revokeMqttCredential');
    const admin = graphqlClient(pool, { role: 'admin', log: () => undefined });
    const leader = graphqlClient(pool, { role: 'leader', log: () => undefined });
    const username = `t${run}.gateway`;
    const issue = `mutation($u: String) { issueMqttCredential(input: { scope: ALL_DEVICES, username: $u }) {
      password credential { id username scope } } }`;
    expect((await leader.query(issue, { u: username })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const issued = await admin.query<any>(issue, { u: username });
    expect(issued.errors).toBeUndefined();
    const { password, credential } = issued.data.issueMqttCredential;
    expect(credential).toMatchObject({ username, scope: 'ALL_DEVICES' });
    expect(password).toMatch(/^comq_[A-Za-z0-9_-]{43}$/);
    const revoke = 'mutation($u: String!) { revokeMqttCredential(username: $u) { revokedAt } }';
    expect((await leader.query(revoke, { u: username })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const revoked = await admin.query<any>(revoke, { u: username });
    expect(revoked.data.revokeMqttCredential.revokedAt).not.toBeNull();
    const audit = await auditRows('revokeMqttCredential', credential.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ outcome: 'ok', before: { username, revokedAt: null } });
    const denied = await pool.query(
      "SELECT detail FROM audit_log WHERE action = 'issueMqttCredential' AND outcome = 'denied' ORDER BY id DESC LIMIT 1",
    );
    expect(denied.rows[0].detail.arguments.input).toMatchObject({ scope: 'all_devices', username });
    const stored = JSON.stringify((await auditRows('issueMqttCredential', credential.id))[0]);
    expect(stored).not.toContain(password);
  });

  it('tests every mutation in the schema above', () => {
    const fields = Object.keys(schema.getMutationType()!.getFields());
    expect(fields.filter((f) => !MUTATIONS_TESTED.has(f))).toEqual([]);
  });
});

describe('persisted operations', () => {
  const ME = '{ me { role } }';
  const client = (role: 'api_client') =>
    graphqlClient(pool, { role, persistedOperations: new Map([['me-v1', ME]]), log: () => undefined });

  it('lets a token run only the persisted operations; people in the web app may write their own', async () => {
    const api = client('api_client');
    const arbitrary = await api.query('{ areas { totalCount } }');
    expect(arbitrary.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const res = await api.request('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: 'me-v1' } } }),
    });
    expect(await res.json()).toEqual({ data: { me: { role: 'API_CLIENT' } } });
    const unknown = await api.request('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: 'nope' } } }),
    });
    expect(((await unknown.json()) as any).errors[0].extensions.code).toBe('NOT_FOUND');
  });
});

describe('HTTP hardening', () => {
  it('sends a CSP and security headers on the app and the API', async () => {
    for (const path of ['/', '/graphql', '/health']) {
      const res = await app.request(path);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp, path).toContain("default-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(res.headers.get('referrer-policy')).toBe('same-origin');
    }
  });

  it('allows configured origins to call the API with a token, never with cookies', async () => {
    const preflight = await app.request('/graphql', {
      method: 'OPTIONS',
      headers: {
        origin: 'https://partner.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('https://partner.example');
    expect(preflight.headers.get('access-control-allow-credentials')).toBeNull();
    const other = await app.request('/graphql', {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(other.headers.get('access-control-allow-origin')).not.toBe('https://evil.example');
  });

  it('never lets another origin read a cookie-signed answer (graphql-yoga’s own CORS is off)', async () => {
    const reader = await newUser('leader');
    const cookie = cookieOf(await login(reader.username, PASSWORD, '10.0.9.1'));
    for (const origin of ['https://evil.example', 'http://127.0.0.1:9999', 'https://partner.example']) {
      const res = await app.request('/graphql', {
        method: 'POST',
        headers: { origin, cookie, 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ me { role } }' }),
      });
      expect(res.status).toBe(200);
      expect([origin, res.headers.get('access-control-allow-credentials')]).toEqual([origin, null]);
      if (origin !== 'https://partner.example')
        expect([origin, res.headers.get('access-control-allow-origin')]).toEqual([origin, null]);
    }
  });

  it('answers the QR lookup publicly with only what a citizen needs, rate limited', async () => {
    const { rows } = await pool.query("SELECT code FROM assets WHERE kind = 'building' ORDER BY id LIMIT 1");
    const code = rows[0].code;
    const res = await app.request(`/public/assets/${code}`, { headers: { 'x-forwarded-for': '10.5.0.1' } });
    expect(res.status).toBe(200);
    const body = (await res.json()) as any;
    expect(Object.keys(body).sort()).toEqual(
      [
        'code',
        'district',
        'floors',
        'kind',
        'name',
        'note',
        'safetyGrade',
        'street',
        'synthetic',
        'use',
      ].sort(),
    );
    expect((await app.request('/public/assets/..%2F..%2Fetc%2Fpasswd')).status).toBe(400);
    expect((await app.request('/public/assets/BD-440304-99999999')).status).toBe(404);
    const statuses: number[] = [];
    for (let i = 0; i < config.access.publicPerMinute + 1; i++) {
      statuses.push(
        (await app.request(`/public/assets/${code}`, { headers: { 'x-forwarded-for': '10.5.0.2' } })).status,
      );
    }
    expect(statuses.at(-1)).toBe(429);
  });
});

describe('races and forgery', () => {
  it('counts parallel guesses before checking them, so they cannot outrun the lock', async () => {
    const user = await newUser('leader');
    const guesses = await Promise.all(
      Array.from({ length: 8 }, (_, i) => login(user.username, `Wrong-guess-${i}`, `10.6.0.${i}`)),
    );
    expect(guesses.every((r) => r.status === 401)).toBe(true);
    const { rows } = await pool.query(
      "SELECT detail->>'reason' AS reason FROM audit_log WHERE action = 'signIn' AND target_id = $1",
      [String(user.id)],
    );
    // loginMaxFailures is 3 here: three guesses were checked, the other five met the lock
    expect(rows.filter((r) => r.reason === 'wrong password')).toHaveLength(3);
    expect(rows.filter((r) => r.reason === 'locked')).toHaveLength(5);
  });

  it('refuses cookie-borne GraphQL that is not JSON, and form-encoded sign-in', async () => {
    const user = await newUser('admin');
    const cookie = cookieOf(await login(user.username, PASSWORD, '10.8.0.1'));
    const form = await app.request('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
      body: 'query=mutation%7BunlockUser(id%3A1)%7Bid%7D%7D',
    });
    expect(form.status).toBe(415);
    const plain = await app.request('/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'text/plain', 'x-forwarded-for': '10.8.0.2' },
      body: JSON.stringify({ username: user.username, password: PASSWORD }),
    });
    expect(plain.status).toBe(400);
  });

  it('takes the client IP from the proxy’s own X-Forwarded-For entry, not the client’s', async () => {
    const user = await newUser('leader');
    await login(user.username, PASSWORD, '203.0.113.9, 10.10.0.1');
    expect((await auditRows('signIn', user.id)).at(-1).ip).toBe('10.10.0.1');
  });
});

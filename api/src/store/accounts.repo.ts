// Users, sessions and API tokens. Secrets arrive hashed; password hashes never leave this module except
// to the sign-in check.
import { fileURLToPath } from 'node:url';
import type { Role } from '../access/roles.ts';
import { type Queryable, queryRows } from './db.ts';
import { loadSql } from './sql-file.ts';

const SQL_DIR = fileURLToPath(new URL('sql/accounts', import.meta.url));
const sql = (name: string) => loadSql(SQL_DIR, name);
const USER_BY_USERNAME = sql('user_by_username');
const USER_LOGIN_ATTEMPT = sql('user_login_attempt');
const USER_LOGIN_SUCCEEDED = sql('user_login_succeeded');
const USER_FOR_UPDATE = sql('user_for_update');
const USER_INSERT = sql('user_insert');
const USER_UPDATE = sql('user_update');
const USER_SET_PASSWORD = sql('user_set_password');
const USER_PASSWORD_HASH = sql('user_password_hash');
const USER_UNLOCK = sql('user_unlock');
const SESSIONS_DELETE_OTHERS = sql('session_delete_others');
const USERS_LIST = sql('users_list');
const SESSION_INSERT = sql('session_insert');
const SESSION_DELETE = sql('session_delete');
const SESSION_TOUCH = sql('session_touch');
const SESSIONS_DELETE_EXPIRED = sql('sessions_delete_expired');
const SESSION_PRINCIPAL = sql('session_principal');
const TOKEN_PRINCIPAL = sql('token_principal');
const TOKEN_TOUCH = sql('token_touch');
const TOKEN_INSERT = sql('token_insert');
const TOKEN_REVOKE = sql('token_revoke');
const TOKEN_FOR_UPDATE = sql('token_for_update');
const TOKENS_LIST = sql('tokens_list');
const AREA_FOR_SCOPE = sql('area_for_scope');
const UNIT_BY_CODE = sql('unit_by_code');

export interface LoginRow {
  id: number;
  username: string;
  password_hash: string;
  disabled: boolean;
  failed_logins: number;
  locked_until: Date | null;
}

export interface UserRow {
  id: number;
  username: string;
  display_name: string;
  role: Exclude<Role, 'api_client'>;
  area_code: string | null;
  unit_code: string | null;
  demo: boolean;
  disabled: boolean;
  failed_logins: number;
  locked_until: Date | null;
  last_login_at: Date | null;
  password_changed_at: Date;
  created_at: Date;
  updated_at: Date;
}

export interface TokenRow {
  id: number;
  name: string;
  prefix: string;
  role: Role;
  area_code: string | null;
  unit_code: string | null;
  created_by: string;
  created_at: Date;
  expires_at: Date;
  revoked_at: Date | null;
  last_used_at: Date | null;
}

/** A session's or token's owner as session_principal.sql and token_principal.sql return it. */
export interface PrincipalRow {
  id: number;
  name: string;
  display_name: string;
  role: Role;
  unit_code: string | null;
  area_code: string | null;
  expires_at: Date;
  last_seen_at: Date | null;
  area_level: string | null;
  area_name: string | null;
  area_chain: string[] | null;
}

export interface NewUser {
  username: string;
  displayName: string;
  role: Exclude<Role, 'api_client'>;
  areaCode: string | null;
  unitCode: string | null;
  passwordHash: string;
  demo: boolean;
}

export interface UserProfile {
  displayName: string;
  role: Exclude<Role, 'api_client'>;
  areaCode: string | null;
  unitCode: string | null;
  disabled: boolean;
}

export interface NewToken {
  name: string;
  prefix: string;
  secretHash: Buffer;
  role: Role;
  areaCode: string | null;
  unitCode: string | null;
  createdBy: string;
  days: number;
}

export async function findLogin(db: Queryable, username: string): Promise<LoginRow | null> {
  return (await queryRows<LoginRow>(db, USER_BY_USERNAME, [username], 'looking up an account'))[0] ?? null;
}

/** Counts an attempt before the password is checked; null when the account is locked. */
export async function recordLoginAttempt(
  db: Queryable,
  userId: number,
  maxFailures: number,
  lockMinutes: number,
): Promise<{ failed_logins: number; locked_until: Date | null } | null> {
  const values = [userId, maxFailures, lockMinutes];
  const rows = await queryRows<{ failed_logins: number; locked_until: Date | null }>(
    db,
    USER_LOGIN_ATTEMPT,
    values,
    'counting a sign-in attempt',
  );
  return rows[0] ?? null;
}

export async function recordLoginSuccess(db: Queryable, userId: number): Promise<void> {
  await queryRows(db, USER_LOGIN_SUCCEEDED, [userId], 'recording a sign-in');
}

export async function lockUser(db: Queryable, id: number): Promise<UserRow | null> {
  return (await queryRows<UserRow>(db, USER_FOR_UPDATE, [id], `reading user ${id}`))[0] ?? null;
}

export async function countUsers(db: Queryable): Promise<number> {
  return (await listUsers(db)).length; // hundreds at most
}

export function listUsers(db: Queryable): Promise<UserRow[]> {
  return queryRows<UserRow>(db, USERS_LIST, [], 'listing users');
}

/** null when the username is taken. */
export async function insertUser(db: Queryable, u: NewUser): Promise<UserRow | null> {
  const values = [u.username, u.displayName, u.role, u.areaCode, u.unitCode, u.passwordHash, u.demo];
  return (await queryRows<UserRow>(db, USER_INSERT, values, `creating user ${u.username}`))[0] ?? null;
}

export async function updateUser(db: Queryable, id: number, p: UserProfile): Promise<UserRow> {
  const values = [id, p.displayName, p.role, p.areaCode, p.unitCode, p.disabled];
  return (await queryRows<UserRow>(db, USER_UPDATE, values, `updating user ${id}`))[0]!;
}

export async function setPasswordHash(db: Queryable, id: number, hash: string): Promise<void> {
  await queryRows(db, USER_SET_PASSWORD, [id, hash], `setting the password of user ${id}`);
}

export async function findPasswordHash(db: Queryable, id: number): Promise<string | null> {
  const rows = await queryRows<{ password_hash: string }>(db, USER_PASSWORD_HASH, [id], 'reading a password');
  return rows[0]?.password_hash ?? null;
}

export async function unlockUser(db: Queryable, id: number): Promise<void> {
  await queryRows(db, USER_UNLOCK, [id], `unlocking user ${id}`);
}

/** Ends a user's sessions, all of them or all but one (by its secret's hash). */
export async function deleteUserSessions(
  db: Queryable,
  userId: number,
  keep: Buffer | null = null,
): Promise<void> {
  await queryRows(db, SESSIONS_DELETE_OTHERS, [userId, keep], `signing user ${userId} out`);
}

export async function insertSession(
  db: Queryable,
  secretHash: Buffer,
  userId: number,
  idleSeconds: number,
  origin: { ip: string | null; userAgent: string | null },
): Promise<Date> {
  const values = [secretHash, userId, idleSeconds, origin.ip, origin.userAgent?.slice(0, 400) ?? null];
  const rows = await queryRows<{ expires_at: Date }>(db, SESSION_INSERT, values, 'starting a session');
  return rows[0]!.expires_at;
}

export async function deleteSession(db: Queryable, secretHash: Buffer): Promise<number | null> {
  const rows = await queryRows<{ user_id: number }>(db, SESSION_DELETE, [secretHash], 'ending a session');
  return rows[0]?.user_id ?? null;
}

export async function touchSession(db: Queryable, secretHash: Buffer, idleSeconds: number): Promise<void> {
  await queryRows(db, SESSION_TOUCH, [secretHash, idleSeconds], 'extending a session');
}

export async function deleteExpiredSessions(db: Queryable): Promise<void> {
  await queryRows(db, SESSIONS_DELETE_EXPIRED, [], 'deleting expired sessions');
}

export async function findSessionPrincipal(db: Queryable, secretHash: Buffer): Promise<PrincipalRow | null> {
  return (await queryRows<PrincipalRow>(db, SESSION_PRINCIPAL, [secretHash], 'reading a session'))[0] ?? null;
}

export async function findTokenPrincipal(db: Queryable, secretHash: Buffer): Promise<PrincipalRow | null> {
  return (
    (await queryRows<PrincipalRow>(db, TOKEN_PRINCIPAL, [secretHash], 'reading an API token'))[0] ?? null
  );
}

export async function touchToken(db: Queryable, id: number): Promise<void> {
  await queryRows(db, TOKEN_TOUCH, [id], 'recording a token use');
}

export async function insertToken(db: Queryable, t: NewToken): Promise<TokenRow> {
  const values = [t.name, t.prefix, t.secretHash, t.role, t.areaCode, t.unitCode, t.createdBy, t.days];
  return (await queryRows<TokenRow>(db, TOKEN_INSERT, values, `creating token ${t.name}`))[0]!;
}

export async function lockToken(db: Queryable, id: number): Promise<TokenRow | null> {
  return (await queryRows<TokenRow>(db, TOKEN_FOR_UPDATE, [id], `reading token ${id}`))[0] ?? null;
}

export async function revokeToken(db: Queryable, id: number): Promise<TokenRow> {
  return (await queryRows<TokenRow>(db, TOKEN_REVOKE, [id], `revoking token ${id}`))[0]!;
}

export function listTokens(db: Queryable): Promise<TokenRow[]> {
  return queryRows<TokenRow>(db, TOKENS_LIST, [], 'listing API tokens');
}

export async function findScopeArea(
  db: Queryable,
  code: string,
): Promise<{ code: string; level: string; name: string } | null> {
  return (await queryRows(db, AREA_FOR_SCOPE, [code], `checking area ${code}`))[0] as {
    code: string;
    level: string;
    name: string;
  } | null;
}

export async function findUnitByCode(
  db: Queryable,
  code: string,
): Promise<{ id: number; name: string } | null> {
  return (
    ((await queryRows(db, UNIT_BY_CODE, [code], `checking unit ${code}`))[0] as {
      id: number;
      name: string;
    }) ?? null
  );
}

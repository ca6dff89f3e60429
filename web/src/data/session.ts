// Who is signed in, and signing in and out (the server keeps the session in an httpOnly cookie).
import { failure, request } from './http.ts';

export interface Viewer {
  kind: 'user' | 'token';
  name: string;
  displayName: string;
  role: string;
  roleName: { zh: string; en: string };
  permissions: string[];
  area: { code: string; level: 'district' | 'street'; name: string } | null;
  unitCode: string | null;
  expiresAt: string;
}

/** The signed-in viewer, or null when nobody is. */
export async function fetchViewer(signal?: AbortSignal): Promise<Viewer | null> {
  const response = await request('/auth/me', signal ? { signal } : {});
  if (response.status === 401) return null;
  if (!response.ok) throw await failure(response);
  return (await response.json()) as Viewer;
}

export async function signIn(username: string, password: string): Promise<void> {
  const response = await request('/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!response.ok) throw await failure(response);
}

export async function signOut(): Promise<void> {
  await request('/auth/logout', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{}',
  });
}

const CASE_PERMISSIONS = ['alerts:handle', 'cases:dispatch', 'cases:handle'];

/** Whether the viewer works on alerts or cases (and so gets a link to the duty console). */
export const worksOnCases = (viewer: Viewer) => viewer.permissions.some((p) => CASE_PERMISSIONS.includes(p));

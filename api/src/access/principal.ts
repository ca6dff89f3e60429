// Who is asking: a signed-in user or an API token, with its role and area scope, and where the request came
// from (for the audit log).
import type { Role } from './roles.ts';
import type { AccessScope } from './scope.ts';

export interface Principal {
  readonly kind: 'user' | 'token';
  /** users.id or api_tokens.id. */
  readonly id: number;
  /** The username, or "token:<name>". */
  readonly name: string;
  readonly displayName: string;
  readonly role: Role;
  readonly scope: AccessScope;
  /** The responsible unit of a unit handler. */
  readonly unitCode: string | null;
  /** When a session or token stops working. */
  readonly expiresAt: Date;
  /** The SHA-256 of the session's secret (null for tokens): the session to keep when others are ended. */
  readonly sessionKey: Buffer | null;
}

export interface RequestOrigin {
  readonly ip: string | null;
  readonly userAgent: string | null;
}

/** Who an audit entry names: a principal, the command line, or an anonymous caller. */
export interface Actor {
  readonly kind: 'user' | 'token' | 'cli' | 'public' | 'system';
  readonly id: number | null;
  readonly name: string;
  readonly origin: RequestOrigin;
}

export function actorOf(principal: Principal, origin: RequestOrigin): Actor {
  return { kind: principal.kind, id: principal.id, name: principal.name, origin };
}

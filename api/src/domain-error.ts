// Expected failures carry a stable code; the GraphQL boundary turns them into `extensions.code`.
export const ERROR_CODES = [
  'INVALID_INPUT',
  'INVALID_GEOMETRY',
  'OUT_OF_SERVICE_AREA',
  'NOT_FOUND',
  'LIMIT_EXCEEDED',
  /** Not signed in, or the credentials are wrong, expired or revoked. */
  'UNAUTHENTICATED',
  /** Signed in, but the role or the area scope does not allow it. */
  'FORBIDDEN',
  /** The change collides with the current state (e.g. a username that is taken). */
  'CONFLICT',
  'RATE_LIMITED',
  /** The workflow does not allow this step from the current state. */
  'ILLEGAL_TRANSITION',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export class DomainError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
  }
}

// Expected failures carry a stable code; the GraphQL boundary turns them into `extensions.code`.
export const ERROR_CODES = [
  'INVALID_INPUT',
  'INVALID_GEOMETRY',
  'OUT_OF_SERVICE_AREA',
  'NOT_FOUND',
  'LIMIT_EXCEEDED',
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

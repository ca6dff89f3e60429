// The tile server's failures. A refused request carries the code it is answered with; a failed statement
// carries what was being done and the driver's error. The tile routes hand both to their host's error mapper,
// which turns them into the host's own errors (api/src/main.ts).

export type TileRequestCode = 'INVALID_INPUT' | 'NOT_FOUND';

export class TileRequestError extends Error {
  readonly code: TileRequestCode;
  constructor(code: TileRequestCode, message: string) {
    super(message);
    this.name = 'TileRequestError';
    this.code = code;
  }
}

export class TileQueryError extends Error {
  readonly action: string;
  constructor(action: string, options: { cause: unknown }) {
    const cause = options.cause instanceof Error ? options.cause.message : String(options.cause);
    super(`${action}: ${cause}`, options);
    this.name = 'TileQueryError';
    this.action = action;
  }
}

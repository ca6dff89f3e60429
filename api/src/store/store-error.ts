// Errors from the database layer say what was being done; the cause keeps the driver's error.
export class StoreError extends Error {
  constructor(action: string, options: { cause: unknown }) {
    const cause = options.cause instanceof Error ? options.cause.message : String(options.cause);
    super(`${action}: ${cause}`, options);
    this.name = 'StoreError';
  }
}

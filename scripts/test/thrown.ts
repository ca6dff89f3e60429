// For table-driven tests of pure modules: the DomainError a call throws, failing the test if it throws none.
import { expect } from 'vitest';
import { DomainError } from '../../api/src/domain-error.ts';

export function thrown(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return error as DomainError;
  }
  throw new Error('expected a DomainError, nothing was thrown');
}

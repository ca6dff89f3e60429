// Why the case panel could not show a case, as the notice it shows instead: no such case for this viewer
// (another unit's or area's cases are not visible, so they read as not found), no permission, or another
// failure (network, server). Pure.
import { ApiError } from '../data/http.ts';

export const CASE_LOAD_PROBLEMS = ['NOT_FOUND', 'FORBIDDEN', 'FAILED'] as const;
export type CaseLoadProblem = (typeof CASE_LOAD_PROBLEMS)[number];

export function caseLoadProblem(error: Error): CaseLoadProblem {
  if (!(error instanceof ApiError)) return 'FAILED';
  switch (error.code) {
    case 'NOT_FOUND':
    case 'INVALID_INPUT': // the only input is the id in the address: a malformed one names no case
      return 'NOT_FOUND';
    case 'FORBIDDEN':
    case 'HTTP_403':
      return 'FORBIDDEN';
    default:
      return 'FAILED';
  }
}

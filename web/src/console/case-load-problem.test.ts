import { describe, expect, it } from 'vitest';
import { ApiError } from '../data/http.ts';
import { MESSAGES } from '../i18n/messages.ts';
import { CASE_LOAD_PROBLEMS, caseLoadProblem } from './case-load-problem.ts';

describe('why a case did not load', () => {
  it('reads a case the viewer may not see, or a malformed id, as not found', () => {
    expect(caseLoadProblem(new ApiError('NOT_FOUND', 'case 9 is not visible to you'))).toBe('NOT_FOUND');
    expect(caseLoadProblem(new ApiError('INVALID_INPUT', 'id must be a Case id'))).toBe('NOT_FOUND');
  });

  it('tells a refusal apart from a failure', () => {
    expect(caseLoadProblem(new ApiError('FORBIDDEN', 'needs cases:read'))).toBe('FORBIDDEN');
    expect(caseLoadProblem(new ApiError('HTTP_403', 'HTTP 403'))).toBe('FORBIDDEN');
    expect(caseLoadProblem(new ApiError('NETWORK', 'fetch failed'))).toBe('FAILED');
    expect(caseLoadProblem(new ApiError('INTERNAL', 'boom'))).toBe('FAILED');
    expect(caseLoadProblem(new TypeError('x is undefined'))).toBe('FAILED');
  });

  it('has a title and a sentence for each problem in both languages', () => {
    for (const locale of ['zh-CN', 'en'] as const) {
      for (const p of CASE_LOAD_PROBLEMS) {
        expect(MESSAGES[locale][`caseLoadTitle_${p}`]).toBeTruthy();
        expect(MESSAGES[locale][`caseLoad_${p}`]).toBeTruthy();
      }
    }
  });
});

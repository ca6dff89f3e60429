import { describe, expect, it } from 'vitest';
import { GraphQLError } from '../data/graphql.ts';
import { MESSAGES } from '../i18n/messages.ts';
import { CASE_LOAD_PROBLEMS, caseLoadProblem } from './case-load-problem.ts';

describe('why a case did not load', () => {
  it('reads a case the viewer may not see, or a malformed id, as not found', () => {
    expect(caseLoadProblem(new GraphQLError('NOT_FOUND', 'case 9 is not visible to you'))).toBe('NOT_FOUND');
    expect(caseLoadProblem(new GraphQLError('INVALID_INPUT', 'id must be a Case id'))).toBe('NOT_FOUND');
  });

  it('tells a refusal apart from a failure', () => {
    expect(caseLoadProblem(new GraphQLError('FORBIDDEN', 'needs cases:read'))).toBe('FORBIDDEN');
    expect(caseLoadProblem(new GraphQLError('HTTP_403', 'HTTP 403'))).toBe('FORBIDDEN');
    expect(caseLoadProblem(new GraphQLError('NETWORK', 'fetch failed'))).toBe('FAILED');
    expect(caseLoadProblem(new GraphQLError('INTERNAL', 'boom'))).toBe('FAILED');
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

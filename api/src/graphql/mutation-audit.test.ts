import { describe, expect, it } from 'vitest';
import { redact } from './mutation-audit.ts';

describe('redact', () => {
  it('hides secrets at any depth and cuts long values', () => {
    const out = redact({
      input: { username: 'a', password: 'p', nested: { apiToken: 't' } },
      newPassword: 'x',
      text: 'y'.repeat(500),
      list: Array.from({ length: 50 }, (_, i) => i),
    }) as any;
    expect(out.input.password).toBe('[redacted]');
    expect(out.input.nested.apiToken).toBe('[redacted]');
    expect(out.newPassword).toBe('[redacted]');
    expect(out.input.username).toBe('a');
    expect(out.text).toHaveLength(201);
    expect(out.list).toHaveLength(20);
  });
});

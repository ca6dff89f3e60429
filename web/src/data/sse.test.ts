import { describe, expect, it } from 'vitest';
import { parseSseChunk } from './sse.ts';

describe('parseSseChunk', () => {
  it('reads complete events, skips keep-alives and keeps the unfinished rest', () => {
    const { events, rest } = parseSseChunk(
      ':\n\nevent: next\ndata: {"data":{"a":1}}\n\nevent: next\r\ndata: {"data":\r\ndata: 2}\r\n\r\nevent: ne',
    );
    expect(events).toEqual([
      { event: 'next', data: '{"data":{"a":1}}' },
      { event: 'next', data: '{"data":\n2}' },
    ]);
    expect(rest).toBe('event: ne');
  });

  it('reports a complete event without data', () => {
    expect(parseSseChunk('event: complete\n\n').events).toEqual([{ event: 'complete', data: '' }]);
  });
});

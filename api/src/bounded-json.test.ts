import { describe, expect, it } from 'vitest';
import { graphqlNestingOver, jsonNestingOver, parseJson, valueNestingOver } from './bounded-json.ts';

const nested = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;

describe('jsonNestingOver', () => {
  it.each([
    ['[]', 1, false],
    ['[[]]', 1, true],
    ['{"a":{"b":[1]}}', 3, false],
    ['{"a":{"b":[1]}}', 2, true],
    ['"[[[[[[[["', 1, false], // brackets in a string do not count
    ['["\\"[[[[[[["]', 1, false], // nor after an escaped quote
    ['[1],[2],[3]', 1, false], // siblings, not nesting
  ])('%s within %d: over = %s', (text, limit, over) => expect(jsonNestingOver(text, limit)).toBe(over));

  it('stops at the limit on 100,000 levels without recursing', () => {
    expect(jsonNestingOver(nested(100_000))).toBe(true);
  });
});

describe('parseJson', () => {
  it('refuses deep nesting with a reason instead of parsing it', () => {
    expect(parseJson(nested(5000), 'the payload')).toEqual({
      error: 'the payload nests arrays or objects more than 64 deep',
    });
  });
  it('parses GeoJSON-deep values and names what is not JSON', () => {
    expect(parseJson('{"coordinates":[[[[1,2]]]]}', 'the body')).toEqual({
      value: { coordinates: [[[[1, 2]]]] },
    });
    expect(parseJson('{"a":', 'the body')).toMatchObject({
      error: expect.stringMatching(/^the body is not JSON/),
    });
  });
});

describe('valueNestingOver', () => {
  it('walks parsed values iteratively', () => {
    expect(valueNestingOver(JSON.parse(nested(50_000)))).toBe(true);
    expect(valueNestingOver({ a: [{ b: 1 }] }, 3)).toBe(false);
    expect(valueNestingOver({ a: [{ b: {} }] }, 3)).toBe(true);
    expect(valueNestingOver('[[[[[')).toBe(false);
  });
});

describe('graphqlNestingOver', () => {
  it('counts selections, arguments and lists, not strings or comments', () => {
    expect(graphqlNestingOver(`${'{a'.repeat(3000)}${'}'.repeat(3000)}`, 64)).toBe(true);
    expect(graphqlNestingOver('{ a(x: [[1]]) { b } }', 4)).toBe(false);
    expect(graphqlNestingOver('{ a(x: [[1]]) { b } }', 3)).toBe(true);
    expect(graphqlNestingOver('{ a(x: "{{{{{{") { b } }', 3)).toBe(false);
    expect(graphqlNestingOver('{ a(x: """{{{{{{ " {{""") # {{{{{{{\n { b } }', 3)).toBe(false);
  });
});

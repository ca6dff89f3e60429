// JSON from outside (HTTP bodies, MQTT payloads, GraphQL variables and documents) has its nesting bounded
// before anything walks it: V8 parses 100,000 nested brackets, but JSON.stringify, String(), pg's array
// encoding, graphql-js's parser and the GeoJSON checks recurse, and overflow the stack at a few thousand.

/** Arrays and objects inside each other; GeoJSON needs 6, a reading 2. */
export const MAX_JSON_DEPTH = 64;

/** Whether a JSON text nests arrays and objects deeper than `limit` (a linear scan; strings are skipped). */
export function jsonNestingOver(text: string, limit = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 /* [ */ || c === 123 /* { */) {
      if (++depth > limit) return true;
    } else if (c === 93 /* ] */ || c === 125 /* } */) depth--;
  }
  return false;
}

/** Whether a parsed value nests arrays and objects deeper than `limit` (iterative: no recursion to overflow). */
export function valueNestingOver(value: unknown, limit = MAX_JSON_DEPTH): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (depth + 1 > limit) return true;
    for (const child of Array.isArray(v) ? v : Object.values(v)) {
      if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
    }
  }
  return false;
}

export const nestingMessage = (what: string, limit = MAX_JSON_DEPTH) =>
  `${what} nests arrays or objects more than ${limit} deep`;

export type ParsedJson = { value: unknown } | { error: string };

/** JSON.parse with the nesting bounded; `what` names the input in the error ("the body", "the payload"). */
export function parseJson(text: string, what: string, limit = MAX_JSON_DEPTH): ParsedJson {
  if (jsonNestingOver(text, limit)) return { error: nestingMessage(what, limit) };
  try {
    return { value: JSON.parse(text) };
  } catch (error) {
    return { error: `${what} is not JSON: ${(error as Error).message.slice(0, 200)}` };
  }
}

/**
 * Whether a GraphQL document nests selections, arguments or lists deeper than `limit` (strings, block strings
 * and comments skipped); graphql-js's parser recurses once per level.
 */
export function graphqlNestingOver(source: string, limit: number): boolean {
  let depth = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c === 35 /* # */) {
      while (i < source.length && source.charCodeAt(i) !== 10) i++;
    } else if (c === 34 /* " */) {
      if (source.startsWith('"""', i)) {
        const end = source.indexOf('"""', i + 3);
        if (end < 0) return false; // unterminated: the parser reports it
        i = end + 2;
      } else {
        for (i++; i < source.length; i++) {
          const d = source.charCodeAt(i);
          if (d === 92) i++;
          else if (d === 34 || d === 10) break;
        }
      }
    } else if (c === 123 || c === 91 || c === 40 /* ( */) {
      if (++depth > limit) return true;
    } else if (c === 125 || c === 93 || c === 41) depth--;
  }
  return false;
}

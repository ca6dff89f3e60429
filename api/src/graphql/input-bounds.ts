// Bounds on what a GraphQL request may nest, checked before graphql-js parses the document or coerces the
// variables (both recurse once per level and overflow the stack at a few thousand): the document's selections,
// arguments and lists, and the variables' arrays and objects (GeoJSON among them).
import { parse } from 'graphql';
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import { graphqlNestingOver, MAX_JSON_DEPTH, nestingMessage, valueNestingOver } from '../bounded-json.ts';
import type { ApiContext, RequestIdentity } from './context.ts';

/** Braces, parentheses and brackets inside each other in a document; the schema allows 12 selection levels. */
export const MAX_DOCUMENT_NESTING = 64;
/** Lexical tokens in a document: a 2 MiB body of tiny tokens would otherwise cost the parser seconds. */
export const MAX_DOCUMENT_TOKENS = 50_000;

const tooDeep = (message: string) =>
  createGraphQLError(message, { extensions: { code: 'LIMIT_EXCEEDED', http: { status: 400 } } });

export function inputBoundsPlugin(): Plugin<ApiContext & RequestIdentity> {
  return {
    onParams({ params }) {
      if (typeof params.query === 'string' && graphqlNestingOver(params.query, MAX_DOCUMENT_NESTING)) {
        throw tooDeep(`the document nests more than ${MAX_DOCUMENT_NESTING} levels deep`);
      }
      if (params.variables && valueNestingOver(params.variables, MAX_JSON_DEPTH)) {
        throw tooDeep(nestingMessage('the variables'));
      }
      if (params.extensions && valueNestingOver(params.extensions, MAX_JSON_DEPTH)) {
        throw tooDeep(nestingMessage('the extensions'));
      }
    },
    onParse({ setParseFn }) {
      setParseFn((source, options) => parse(source, { ...options, maxTokens: MAX_DOCUMENT_TOKENS }));
    },
  };
}

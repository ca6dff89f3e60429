// Bounds on what a GraphQL request may nest, checked before graphql-js parses the document or coerces the
// variables (both recurse once per level and overflow the stack at a few thousand): the document's selections,
// arguments and lists, and the variables' arrays and objects (GeoJSON among them).
import { GraphQLError, parse, type ValidationContext } from 'graphql';
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import { graphqlNestingOver, MAX_JSON_DEPTH, nestingMessage, valueNestingOver } from '../bounded-json.ts';
import type { ApiContext, RequestIdentity } from './context.ts';

/** Braces, parentheses and brackets inside each other in a document; the schema allows 12 selection levels. */
export const MAX_DOCUMENT_NESTING = 64;
/** Lexical tokens in a document: a 2 MiB body of tiny tokens would otherwise cost the parser seconds. */
export const MAX_DOCUMENT_TOKENS = 50_000;
/** Fragment definitions in a document: the complexity count follows spreads recursively. */
export const MAX_FRAGMENTS = 100;
/** __schema and __type fields in a document: introspection escapes the complexity count. */
export const MAX_INTROSPECTION_FIELDS = 4;

/**
 * A validation rule (it runs before the complexity count): a chain of 1,000 fragments overflowed the stack in
 * the count, and 1,500 aliased introspection queries, which the count does not see, held the server for 15 s.
 */
function documentShapeRule(context: ValidationContext) {
  let fragments = 0;
  let introspection = 0;
  const refuse = (message: string) =>
    context.reportError(new GraphQLError(message, { extensions: { code: 'LIMIT_EXCEEDED' } }));
  return {
    FragmentDefinition() {
      if (++fragments === MAX_FRAGMENTS + 1)
        refuse(`a document may define at most ${MAX_FRAGMENTS} fragments`);
    },
    Field(node: { name: { value: string } }) {
      const name = node.name.value;
      if ((name === '__schema' || name === '__type') && ++introspection === MAX_INTROSPECTION_FIELDS + 1) {
        refuse(`a document may ask for __schema or __type at most ${MAX_INTROSPECTION_FIELDS} times`);
      }
    },
  };
}

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
    onValidate({ addValidationRule }) {
      addValidationRule(documentShapeRule);
    },
    onParse({ setParseFn }) {
      setParseFn((source, options) => parse(source, { ...options, maxTokens: MAX_DOCUMENT_TOKENS }));
    },
  };
}

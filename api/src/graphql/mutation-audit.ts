// Every mutation is audited. Services write the successful changes themselves, in the transaction of the
// change and with the state before and after; this plugin records the attempts that failed or were refused
// (who tried what, with which arguments — secrets redacted — and the error code), which never reach a service's
// transaction.
import { type GraphQLError, getArgumentValues, getOperationAST, Kind } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { DomainError } from '../domain-error.ts';
import { insertAudit } from '../store/audit.repo.ts';
import type { ApiContext, RequestIdentity } from './context.ts';

const SECRET_KEY = /password|token|secret/i;

/** Arguments as the audit log keeps them: secrets replaced, long strings cut. */
export function redact(value: unknown, depth = 0): unknown {
  if (depth > 6) return '[…]';
  if (typeof value === 'string') {
    const clean = value.replaceAll('\u0000', ''); // jsonb refuses NUL
    return clean.length > 200 ? `${clean.slice(0, 200)}…` : clean;
  }
  if (Array.isArray(value)) return value.slice(0, 20).map((v) => redact(v, depth + 1));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .slice(0, 50)
        .map(([k, v]) => [k, SECRET_KEY.test(k) ? '[redacted]' : redact(v, depth + 1)]),
    );
  }
  return value;
}

export function mutationAuditPlugin(log: (line: string) => void): Plugin<ApiContext & RequestIdentity> {
  return {
    onExecute({ args }) {
      const operation = getOperationAST(args.document, args.operationName);
      if (operation?.operation !== 'mutation') return;
      const ctx = args.contextValue as ApiContext;
      const mutationType = args.schema.getMutationType();
      const fields = operation.selectionSet.selections.flatMap((s) =>
        s.kind === Kind.FIELD ? [{ key: s.alias?.value ?? s.name.value, name: s.name.value, node: s }] : [],
      );
      // The field's arguments by their schema names (a client names its variables as it likes, so secrets
      // are recognised by argument and input field names, never by variable names).
      const argumentsOf = (field: (typeof fields)[number]): unknown => {
        const definition = mutationType?.getFields()[field.name];
        if (!definition) return null;
        try {
          return redact(getArgumentValues(definition, field.node, args.variableValues ?? {}));
        } catch {
          return '[invalid arguments]';
        }
      };
      return {
        async onExecuteDone({ result }) {
          if (!('errors' in result) || !result.errors?.length) return;
          const errors = result.errors as readonly GraphQLError[];
          for (const field of fields) {
            const error = errors.find((e) => e.path?.[0] === field.key);
            if (!error) continue;
            // Masking may not have run yet: the code is then on the original error.
            const original = error.originalError;
            const code = String(
              error.extensions?.code ?? (original instanceof DomainError ? original.code : 'INTERNAL'),
            );
            await insertAudit(ctx.pool, ctx.actor, {
              action: field.name,
              outcome: code === 'FORBIDDEN' || code === 'UNAUTHENTICATED' ? 'denied' : 'failed',
              detail: { code, message: error.message.slice(0, 300), arguments: argumentsOf(field) },
            }).catch((e: Error) => log(`audit: could not record the failed ${field.name}: ${e.message}`));
          }
        },
      };
    },
  };
}

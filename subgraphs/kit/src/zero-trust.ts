import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { GraphQLError, Kind, visit, type DocumentNode } from 'graphql';
import type { Viewer } from './auth.ts';
import { checkInputs } from './input-checks.ts';
import { costErrors, type QueryLimits } from './query-limits.ts';
import { redactValueEcho } from './value-errors.ts';

/**
 * Most entity representations one request may ask a subgraph to resolve. The
 * gateway sends one per victim in a list, and no list is longer than the cost
 * limit allows (200 victims with a dozen fields): 1,000 leaves room.
 */
export const DEFAULT_MAX_REPRESENTATIONS = 1000;

/** Fields that describe the schema rather than data: only a verified caller may ask for them. */
const SCHEMA_FIELDS = new Set(['__schema', '__type', '_service']);

const refusal = (message: string, code: string, status: number, extra: Record<string, unknown> = {}) =>
  new GraphQLError(message, { extensions: { code, ...extra, http: { status } } });

/** Whether the document asks for `__schema`, `__type` or `_service` anywhere (fragments included). */
function asksForSchema(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    Field(node) {
      if (SCHEMA_FIELDS.has(node.name.value)) found = true;
    },
  });
  return found;
}

/** How many entity representations the document's `_entities` fields carry, literals and variables alike. */
export function representationCount(document: DocumentNode, variables: Record<string, unknown> | undefined): number {
  let count = 0;
  visit(document, {
    Field(node) {
      if (node.name.value !== '_entities') return;
      const arg = node.arguments?.find((a) => a.name.value === 'representations');
      if (!arg) return;
      if (arg.value.kind === Kind.LIST) count += arg.value.values.length;
      else if (arg.value.kind === Kind.VARIABLE) {
        const value = variables?.[arg.value.name.value];
        count += Array.isArray(value) ? value.length : 1;
      } else count += 1;
    },
  });
  return count;
}

/**
 * A subgraph's own guard, as if no gateway stood in front of it (an agency's
 * subgraph sits in the agency's network, and the gateway is one of its
 * callers):
 *
 * - introspection and `_service` only for a caller with a verified token (the
 *   gateway serves a committed supergraph and composition reads the SDL files
 *   in-process, so neither needs them anonymously);
 * - the gateway's cost limit (depth, aliases, directives, tokens and the
 *   refusal of subscriptions are validation and parse rules set on the
 *   server itself);
 * - at most `maxRepresentations` entity representations per request;
 * - the kit's input rules on every variable and literal (nesting depth, NUL,
 *   control and bidirectional characters);
 * - validation messages with no echoed literal value.
 *
 * Every refusal is a 4xx client error naming the rule, never a value.
 */
export function zeroTrustPlugin<TContext extends BaseContext & { viewer?: Viewer | null }>(options: {
  limits: QueryLimits;
  maxRepresentations: number;
}): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async validationDidStart({ document }) {
          return async (errors) => {
            for (const error of errors ?? []) error.message = redactValueEcho(error.message, error as GraphQLError, document);
          };
        },
        async didResolveOperation({ document, request, contextValue, schema }) {
          if (!contextValue.viewer && asksForSchema(document)) {
            throw refusal('Authentication required: the schema is served only to verified callers.', 'UNAUTHENTICATED', 401);
          }
          const inputError = checkInputs(document, request.variables, 400);
          if (inputError) throw inputError;
          const representations = representationCount(document, request.variables);
          if (representations > options.maxRepresentations) {
            throw refusal(`At most ${options.maxRepresentations} entity representations per request.`, 'BAD_USER_INPUT', 400, {
              reason: 'MAX_REPRESENTATIONS',
            });
          }
          const [costError] = costErrors(schema, document, request.variables, options.limits.maxCost);
          if (costError) throw costError;
        },
      };
    },
  };
}

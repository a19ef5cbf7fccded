import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { GraphQLError, isObjectType, Kind, valueFromASTUntyped, visit, type DocumentNode, type GraphQLSchema, type ValueNode } from 'graphql';
import type { Viewer } from '../auth/auth.ts';
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
  // Servers keep parsed documents: a document seen again is the same object, and is looked at once.
  let found = schemaAsks.get(document);
  if (found !== undefined) return found;
  found = findsSchemaFields(document);
  schemaAsks.set(document, found);
  return found;
}

const schemaAsks = new WeakMap<DocumentNode, boolean>();

function findsSchemaFields(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    Field(node) {
      if (SCHEMA_FIELDS.has(node.name.value)) found = true;
    },
  });
  return found;
}

/** The representations each `_entities` field of the document carries, literals and variables alike. */
export function representationsOf(document: DocumentNode, variables: Record<string, unknown> | undefined): unknown[] {
  const all: unknown[] = [];
  for (const arg of representationArguments(document)) {
    const value = arg.kind === Kind.VARIABLE ? variables?.[arg.name.value] : valueFromASTUntyped(arg, variables);
    if (Array.isArray(value)) all.push(...(value as unknown[]));
    else all.push(value);
  }
  return all;
}

/** The `representations` argument of each `_entities` field of a document, found once per document. */
function representationArguments(document: DocumentNode): ValueNode[] {
  let found = representationArgs.get(document);
  if (found) return found;
  const args: ValueNode[] = [];
  visit(document, {
    Field(node) {
      if (node.name.value !== '_entities') return;
      const arg = node.arguments?.find((a) => a.name.value === 'representations');
      if (arg) args.push(arg.value);
    },
  });
  representationArgs.set(document, (found = args));
  return found;
}

const representationArgs = new WeakMap<DocumentNode, ValueNode[]>();

/** The top-level key fields of each entity type (`@key(fields: "id")` → `id`). */
function entityKeys(schema: GraphQLSchema): Map<string, string[][]> {
  const keys = new Map<string, string[][]>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type)) continue;
    for (const node of [type.astNode, ...type.extensionASTNodes]) {
      for (const directive of node?.directives ?? []) {
        if (directive.name.value !== 'key') continue;
        const fields = directive.arguments?.find((a) => a.name.value === 'fields')?.value;
        if (fields?.kind !== Kind.STRING) continue;
        // Top-level names only: the hub's keys are flat (`id`, `year`).
        const names = fields.value
          .replace(/\{[^}]*\}/g, ' ')
          .split(/\s+/)
          .filter(Boolean);
        keys.set(type.name, [...(keys.get(type.name) ?? []), names]);
      }
    }
  }
  return keys;
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * What is wrong with one representation, or null: it must be an object naming
 * an entity type of this subgraph in `__typename`, with every field of one of
 * its keys given as a string or a number, ids (`id`, `…Id`, `…Ids`) as UUIDs. (@apollo/subgraph would otherwise
 * throw a plain error, a 500, quoting the type name it was sent.)
 */
function representationProblem(representation: unknown, keys: Map<string, string[][]>): string | null {
  if (representation === null || typeof representation !== 'object' || Array.isArray(representation)) return 'must be an object';
  const r = representation as Record<string, unknown>;
  const alternatives = typeof r.__typename === 'string' ? keys.get(r.__typename) : undefined;
  if (!alternatives) return '__typename must name an entity type of this subgraph';
  const given = (name: string) => typeof r[name] === 'string' || typeof r[name] === 'number';
  if (!alternatives.some((names) => names.every(given))) return 'must carry the entity’s key fields';
  // Every id in the hub is a UUID, and the stores compare them with uuid columns.
  for (const [name, value] of Object.entries(r)) {
    if ((name === 'id' || name.endsWith('Id')) && !(typeof value === 'string' && UUID_RE.test(value))) return `${name} must be a UUID`;
    if (name.endsWith('Ids') && !(Array.isArray(value) && value.length <= 1000 && value.every((v) => typeof v === 'string' && UUID_RE.test(v)))) {
      return `${name} must be a list of UUIDs`;
    }
  }
  return null;
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
 * - at most `maxRepresentations` entity representations per request, each
 *   an object naming one of the subgraph's entity types with its key;
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
  let keys: Map<string, string[][]> | undefined;
  return {
    async serverWillStart({ schema }) {
      keys = entityKeys(schema);
    },
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
          const representations = representationsOf(document, request.variables);
          if (representations.length > options.maxRepresentations) {
            throw refusal(`At most ${options.maxRepresentations} entity representations per request.`, 'BAD_USER_INPUT', 400, {
              reason: 'MAX_REPRESENTATIONS',
            });
          }
          for (const [i, representation] of representations.entries()) {
            const problem = representationProblem(representation, keys ?? new Map<string, string[][]>());
            if (problem) throw refusal(`Invalid input at representations[${i}]: ${problem}.`, 'BAD_USER_INPUT', 400, { field: `representations[${i}]` });
          }
          const [costError] = costErrors(schema, document, request.variables, options.limits.maxCost);
          if (costError) throw costError;
        },
      };
    },
  };
}

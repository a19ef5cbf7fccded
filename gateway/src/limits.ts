import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesPlugin } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthPlugin } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesPlugin } from '@escape.tech/graphql-armor-max-directives';
import { maxTokensPlugin } from '@escape.tech/graphql-armor-max-tokens';
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import {
  GraphQLError,
  Kind,
  TypeInfo,
  validate,
  visit,
  visitWithTypeInfo,
  type ArgumentNode,
  type DocumentNode,
  type FieldNode,
  type GraphQLSchema,
  type ValidationContext,
} from 'graphql';

/** Query limits the gateway enforces before any subgraph is asked. */
export interface QueryLimits {
  /** Deepest field nesting (the single-victim view is 5 deep). */
  maxDepth: number;
  /** Aliased fields per operation. */
  maxAliases: number;
  /** Lexical tokens per document, checked while parsing. */
  maxTokens: number;
  /** Directives per operation. */
  maxDirectives: number;
  /**
   * Estimated cost: 2 per object field, 1 per leaf, children weighted 1.5 per
   * level, a list's subtree multiplied by its `first` argument (from the
   * literal, the variable or the schema default).
   */
  maxCost: number;
}

/**
 * Defaults sized so the hub's own clients fit with room: the example
 * single-victim view (5 victims) costs about 790 and is 5 deep; a 200-victim
 * list of a dozen fields across all subgraphs costs about 13,800.
 */
export const DEFAULT_LIMITS: QueryLimits = { maxDepth: 8, maxAliases: 15, maxTokens: 1000, maxDirectives: 20, maxCost: 20_000 };

const COST_WEIGHTS = { objectCost: 2, scalarCost: 1, depthCostFactor: 1.5 } as const;

/** The coded error a refused operation gets: HTTP 400, no data, the limit named in `reason`. */
function limitError(reason: string, message: string): GraphQLError {
  // `spec`: like every validation error, HTTP 400 for `application/graphql-response+json`, 200 for legacy `application/json`.
  return new GraphQLError(message, { extensions: { code: 'GRAPHQL_VALIDATION_FAILED', reason, http: { status: 400, spec: true } } });
}

/**
 * graphql-armor's validation rules throw (and abort validation) by default,
 * and word every refusal as a "Syntax Error": report a coded validation
 * error instead.
 */
const reportAs = (reason: string) => ({
  propagateOnRejection: false,
  onReject: [
    (context: ValidationContext | null, error: GraphQLError) =>
      context?.reportError(limitError(reason, error.message.replace(/^Syntax Error: /, ''))),
  ],
});

const LIST_SIZE_ARGS = new Set(['first', 'last']);

/**
 * The document with each list-size argument made a literal: a variable's
 * value, or the schema default where the argument is omitted, so the cost
 * rule multiplies by the size the subgraph will really return.
 */
export function withListSizes(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown> | undefined): DocumentNode {
  const typeInfo = new TypeInfo(schema);
  return visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node: FieldNode) {
        const def = typeInfo.getFieldDef();
        if (!def) return undefined;
        const sizeArg = def.args.find((a) => LIST_SIZE_ARGS.has(a.name));
        if (!sizeArg) return undefined;
        const given = node.arguments?.find((a) => a.name.value === sizeArg.name);
        let size: unknown;
        if (!given) size = sizeArg.defaultValue;
        else if (given.value.kind === Kind.VARIABLE) size = variables?.[given.value.name.value];
        else return undefined;
        if (typeof size !== 'number' || !Number.isInteger(size)) return undefined;
        const literal: ArgumentNode = {
          kind: Kind.ARGUMENT,
          name: { kind: Kind.NAME, value: sizeArg.name },
          value: { kind: Kind.INT, value: String(Math.max(size, 1)) },
        };
        return { ...node, arguments: [...(node.arguments ?? []).filter((a) => a !== given), literal] };
      },
    }),
  );
}

/**
 * The cost limit runs when the variables are known (the validation cache is
 * keyed by document alone), so `victims(first: $n)` costs what `$n` asks for.
 */
function costLimitPlugin(maxCost: number): GatewayPlugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const document = withListSizes(args.schema, args.document, args.variableValues ?? undefined);
      const errors = validate(args.schema, document, [
        costLimitRule({ maxCost, ...COST_WEIGHTS, ...reportAs('MAX_COST') }) as never,
      ]);
      if (errors.length > 0) setResultAndStopExecution({ errors });
    },
  };
}

/** "Did you mean …?" in any graphql-js message names fields, types or enum values: it leaks the schema. */
export function withoutSuggestions(message: string): string {
  return message.replace(/\s*Did you mean [^?]*\?/g, '').trim();
}

/**
 * Cuts suggestions from validation errors, which do not pass through the
 * error mask. (graphql-armor's block-field-suggestions misses "Did you mean
 * the enum value …?".)
 */
function hideSuggestionsPlugin(): GatewayPlugin {
  return {
    onValidate: () => ({ valid, result }) => {
      if (!valid) for (const error of result) error.message = withoutSuggestions(error.message);
    },
  };
}

/** Where a U+0000 hides in variable values, as a path such as `$i.purpose`, or null. */
export function findNul(value: unknown, path = '$'): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) {
      const hit = findNul(v, `${path}[${i}]`);
      if (hit) return hit;
    }
  } else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) {
      const hit = findNul(v, path === '$' ? `$${k}` : `${path}.${k}`);
      if (hit) return hit;
    }
  }
  return null;
}

/**
 * No real input holds a NUL character, and Postgres text cannot store one
 * (a subgraph would fail with an unexpected error): refuse it as bad input.
 */
function nulCharactersPlugin(): GatewayPlugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      let where = findNul(args.variableValues ?? undefined);
      if (!where) visit(args.document, { StringValue: (node) => void (where ??= node.value.includes('\u0000') ? 'a string literal' : null) });
      if (where) setResultAndStopExecution({ errors: [new GraphQLError(`Invalid input at ${where}: text may not contain NUL characters.`, { extensions: { code: 'BAD_USER_INPUT', field: where } })] });
    },
  };
}

/** The envelop plugins that enforce `limits`, hide field suggestions and refuse NUL characters. */
export function limitPlugins(limits: QueryLimits): GatewayPlugin[] {
  return [
    // Parse errors get GRAPHQL_PARSE_FAILED and HTTP 400 from Yoga; the token limit adds its reason.
    maxTokensPlugin({ n: limits.maxTokens, onReject: [(_context, error) => Object.assign(error.extensions, { reason: 'MAX_TOKENS' })] }) as GatewayPlugin,
    maxDepthPlugin({ n: limits.maxDepth, ignoreIntrospection: false, ...reportAs('MAX_DEPTH') }) as GatewayPlugin,
    maxAliasesPlugin({ n: limits.maxAliases, ...reportAs('MAX_ALIASES') }) as GatewayPlugin,
    maxDirectivesPlugin({ n: limits.maxDirectives, ...reportAs('MAX_DIRECTIVES') }) as GatewayPlugin,
    hideSuggestionsPlugin(),
    costLimitPlugin(limits.maxCost),
    nulCharactersPlugin(),
  ];
}

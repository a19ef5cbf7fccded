import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import {
  GraphQLError,
  Kind,
  TypeInfo,
  valueFromASTUntyped,
  validate,
  visit,
  visitWithTypeInfo,
  type ArgumentNode,
  type DocumentNode,
  type FieldNode,
  type GraphQLSchema,
  type ValidationContext,
  type ValidationRule,
  OperationTypeNode,
} from 'graphql';

/**
 * Query limits, one implementation for the gateway and every subgraph: a
 * subgraph is reachable without the gateway, so it refuses the same documents.
 */
export interface QueryLimits {
  /** Deepest field nesting, counted in field levels (fragments add none; the single-victim view is 5 deep). */
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
export function limitError(reason: string, message: string): GraphQLError {
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
    (context: ValidationContext | null, error: GraphQLError) => context?.reportError(limitError(reason, error.message.replace(/^Syntax Error: /, ''))),
  ],
});

/**
 * The hub serves no subscriptions: refuse a subscription operation while
 * validating (graphql-js would only fail at execution, as a server error).
 */
export const noSubscriptionsRule: ValidationRule = (context) => ({
  OperationDefinition(node) {
    if (node.operation === OperationTypeNode.SUBSCRIPTION)
      context.reportError(limitError('SUBSCRIPTIONS_NOT_SUPPORTED', 'Subscriptions are not supported: send a query or a mutation.'));
  },
});

/**
 * The validation rules for depth, aliases and directives, and the refusal of subscriptions. Depth counts field
 * levels: an inline fragment or a fragment spread adds no level
 * (`flattenFragments`), so generated fragments cost nothing extra.
 * Introspection counts like any other query.
 */
export function limitRules(limits: QueryLimits): ValidationRule[] {
  return [
    maxDepthRule({ n: limits.maxDepth, ignoreIntrospection: false, flattenFragments: true, ...reportAs('MAX_DEPTH') }),
    maxAliasesRule({ n: limits.maxAliases, ...reportAs('MAX_ALIASES') }),
    maxDirectivesRule({ n: limits.maxDirectives, ...reportAs('MAX_DIRECTIVES') }),
    noSubscriptionsRule,
  ];
}

const LIST_SIZE_ARGS = new Set(['first', 'last']);

/**
 * The document with each list-size argument made a literal: a variable's
 * value, or the schema default where the argument is omitted, so the cost
 * rule multiplies by the size the subgraph will really return.
 */
export function withListSizes(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown> | undefined): DocumentNode {
  const defaults = variableDefaults(document);
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
        else if (given.value.kind === Kind.VARIABLE) {
          // A variable left out takes its definition's default (`query($n: Int = 500)`), else the argument's own.
          const name = given.value.name.value;
          size = variables && Object.hasOwn(variables, name) ? variables[name] : defaults.has(name) ? defaults.get(name) : sizeArg.defaultValue;
        } else return undefined;
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
 * The default value of each variable the document's operations define (`query($n: Int = 500)`): what a list size
 * given by that variable is when the request leaves the variable out. Where two operations define one name with
 * different defaults, the larger number counts.
 */
function variableDefaults(document: DocumentNode): Map<string, unknown> {
  const defaults = new Map<string, unknown>();
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    for (const variable of definition.variableDefinitions ?? []) {
      if (!variable.defaultValue) continue;
      const name = variable.variable.name.value;
      const value = valueFromASTUntyped(variable.defaultValue);
      const before = defaults.get(name);
      if (!defaults.has(name) || (typeof value === 'number' && (typeof before !== 'number' || value > before))) defaults.set(name, value);
    }
  }
  return defaults;
}

/**
 * The cost refusal for an operation, or none. It runs once the variables are
 * known (a validation cache is keyed by document alone), so
 * `victims(first: $n)` costs what `$n` asks for.
 */
export function costErrors(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  maxCost: number,
): readonly GraphQLError[] {
  // A document's cost depends only on the values of its list-size variables: a document seen again (servers keep
  // parsed documents, so it is the same object) with the same sizes is not costed again. Only passes are kept.
  let byDocument = costPasses.get(schema);
  if (!byDocument) costPasses.set(schema, (byDocument = new WeakMap()));
  let entry = byDocument.get(document);
  if (!entry) byDocument.set(document, (entry = { sizeVariables: listSizeVariables(schema, document), passed: new Set() }));
  // A variable left out (its default applies) is not one sent as null.
  const key = `${maxCost}|${entry.sizeVariables.map((name) => (variables && Object.hasOwn(variables, name) ? JSON.stringify(variables[name]) : '-')).join(',')}`;
  if (entry.passed.has(key)) return [];
  const errors = validate(schema, withListSizes(schema, document, variables), [costLimitRule({ maxCost, ...COST_WEIGHTS, ...reportAs('MAX_COST') })]);
  if (errors.length === 0 && entry.passed.size < 64) entry.passed.add(key);
  return errors;
}

const costPasses = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, { sizeVariables: string[]; passed: Set<string> }>>();

/** The variables a document passes as a list-size argument (`first: $n`): the only ones its cost depends on. */
function listSizeVariables(schema: GraphQLSchema, document: DocumentNode): string[] {
  const names = new Set<string>();
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node: FieldNode) {
        const sizeArg = typeInfo.getFieldDef()?.args.find((a) => LIST_SIZE_ARGS.has(a.name));
        const given = sizeArg && node.arguments?.find((a) => a.name.value === sizeArg.name);
        if (given?.value.kind === Kind.VARIABLE) names.add(given.value.name.value);
      },
    }),
  );
  return [...names].sort();
}

/** "Did you mean …?" in any graphql-js message names fields, types or enum values: it leaks the schema. */
export function withoutSuggestions(message: string): string {
  return message.replace(/\s*Did you mean [^?]*\?/g, '').trim();
}

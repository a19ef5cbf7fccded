import { unifiedGraphHandler } from '@graphql-hive/router-runtime';
import {
  getOperationAST,
  GraphQLError,
  isEnumType,
  Kind,
  print,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';

/** The query planner when none is chosen (`GatewayOptions.queryPlanner`, `GATEWAY_QUERY_PLANNER`). */
export const DEFAULT_QUERY_PLANNER: 'rust' | 'js' = 'rust';

type HandlerOptions = Parameters<typeof unifiedGraphHandler>[0];
type Handler = Awaited<ReturnType<typeof unifiedGraphHandler>>;
type Executor = NonNullable<Handler['executor']>;
type ExecutionRequest = Parameters<Executor>[0];
type SubgraphExecute = HandlerOptions['onSubgraphExecute'];

/**
 * Whether the operation to run selects nothing. The auth directives
 * (`genericAuth`, checked before planning) take every denied field out of
 * the document, and a parent whose every selected field was denied with it;
 * when that removes every root field the operation is left as
 * `query($id: ID!)` with an empty selection set.
 */
export function selectsNothing(document: DocumentNode, operationName?: string): boolean {
  const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  const operation = operations.find((o) => !operationName || o.name?.value === operationName) ?? operations[0];
  return operation !== undefined && operation.selectionSet.selections.length === 0;
}

/** Response keys an `_entities` subrequest fetches on its entities (`police` in `_entities { ... on Victim { police { … } } }`); empty for any other request. */
const entityFieldsOf = new WeakMap<DocumentNode, string[]>();
export function entityFields(document: DocumentNode): string[] {
  let keys = entityFieldsOf.get(document);
  if (keys) return keys;
  const found = new Set<string>();
  const collect = (set: SelectionSetNode | undefined) => {
    for (const s of set?.selections ?? []) {
      if (s.kind === Kind.FIELD && s.name.value !== '__typename') found.add((s.alias ?? s.name).value);
      else if (s.kind === Kind.INLINE_FRAGMENT) collect(s.selectionSet);
    }
  };
  const operation = getOperationAST(document);
  for (const s of operation?.selectionSet.selections ?? []) if (s.kind === Kind.FIELD && s.name.value === '_entities') collect(s.selectionSet);
  keys = [...found];
  entityFieldsOf.set(document, keys);
  return keys;
}

/** The subrequest's document under the client operation's name (one copy per document and name, so it is printed once). */
const namedCopies = new WeakMap<DocumentNode, Map<string, DocumentNode>>();
const MAX_NAMES_PER_DOCUMENT = 1000;
function named(document: DocumentNode, name: string): DocumentNode {
  let copies = namedCopies.get(document);
  const cached = copies?.get(name);
  if (cached) return cached;
  const copy: DocumentNode = {
    ...document,
    definitions: document.definitions.map((d) => (d.kind === Kind.OPERATION_DEFINITION && !d.name ? { ...d, name: { kind: Kind.NAME, value: name } } : d)),
  };
  if (!copies) namedCopies.set(document, (copies = new Map<string, DocumentNode>()));
  if (copies.size < MAX_NAMES_PER_DOCUMENT) copies.set(name, copy);
  return copy;
}

/**
 * Marks a failed `_entities` subrequest's error with the fields it was to
 * fetch. The runtime places such an error (no path of its own) at its
 * entities' list, `["victims"]`; `placeSubgraphErrors` then adds the field,
 * `["victims", "police"]`, as the JS planner does: one error for the list,
 * naming the fields that are null because of it.
 */
const FIELDS = Symbol('nrm-hub.subrequest-fields');
type Marked = Record<typeof FIELDS, string[] | undefined>;

function markedErrors(errors: readonly unknown[], fields: string[], subgraphName: string): GraphQLError[] {
  return errors.map((e) => {
    const error =
      e instanceof GraphQLError
        ? e
        : // As the runtime does for a thrown error that is not a GraphQL error: the subgraph could not be asked.
          new GraphQLError(e instanceof Error ? e.message : String(e), {
            originalError: e instanceof Error ? e : undefined,
            extensions: { code: 'DOWNSTREAM_SERVICE_ERROR', serviceName: subgraphName },
          });
    if (error.path) return error;
    const extensions = { ...error.extensions, [FIELDS]: fields };
    return new GraphQLError(error.message, { nodes: error.nodes, originalError: error.originalError ?? undefined, extensions });
  });
}

/** Puts each marked error at its fields (see `markedErrors`) and drops the mark. */
export function placeSubgraphErrors(result: ExecutionResult): ExecutionResult {
  if (!result.errors?.some((e) => (e.extensions as Marked | undefined)?.[FIELDS])) return result;
  const errors = result.errors.flatMap((error) => {
    const fields = (error.extensions as Marked | undefined)?.[FIELDS];
    if (!fields) return [error];
    const extensions: Record<string, unknown> = { ...error.extensions };
    delete (extensions as Partial<Marked>)[FIELDS];
    const base = error.path ?? [];
    const paths = fields.length ? fields.map((f) => [...base, f]) : [base];
    return paths.map((path) => new GraphQLError(error.message, { nodes: error.nodes, path, originalError: error.originalError ?? undefined, extensions }));
  });
  return { ...result, errors };
}

/**
 * One document object per operation text. The auth directives' plugin hands
 * the executor a new copy of the client's document on every request (it
 * rebuilds the document after taking out denied fields, even when it took out
 * none), and the runtime caches query plans by document object: without this,
 * every request was planned afresh and every subrequest's document parsed and
 * printed again. Bounded (least recently used out first).
 */
export class DocumentCanon {
  private readonly byText = new Map<string, DocumentNode>();
  private readonly seen = new WeakMap<DocumentNode, DocumentNode>();
  constructor(private readonly max = 1000) {}
  of(document: DocumentNode): DocumentNode {
    const known = this.seen.get(document);
    if (known) return known;
    const text = print(document);
    let canonical = this.byText.get(text);
    if (canonical) this.byText.delete(text);
    else canonical = document;
    this.byText.set(text, canonical);
    if (this.byText.size > this.max) this.byText.delete(this.byText.keys().next().value!);
    this.seen.set(document, canonical);
    return canonical;
  }
}

/**
 * Leaves only `@inaccessible` on the enum values of the schema the runtime
 * executes with. The runtime asks every enum value of every answer whether it
 * is `@inaccessible`, and graphql-tools computes that from all the value's
 * directives, the supergraph's `@join__enumValue(graph: …)` for each subgraph
 * included, on every call: 7% of the gateway's CPU for the single victim view.
 * That schema (the runtime's filtered copy of the supergraph) already has
 * every `@inaccessible` value removed, and the join directives are the
 * planner's business, which reads the supergraph's text, not this schema.
 */
export function trimEnumValueDirectives(schema: GraphQLSchema): void {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isEnumType(type) || type.name.startsWith('__')) continue;
    for (const value of type.getValues()) {
      const node = value.astNode;
      if (!node?.directives?.some((d) => d.name.value !== 'inaccessible')) continue;
      (value as { astNode: typeof node }).astNode = { ...node, directives: node.directives.filter((d) => d.name.value === 'inaccessible') };
    }
  }
}

/**
 * An entity representation sent to a subgraph: a class instance, so that the
 * HTTP executor's search of every subrequest's variables for file uploads
 * (`extractFiles`, which deep-copies plain objects and arrays, 4-5% of the
 * gateway's CPU for the single victim view) takes it as a value and does not
 * copy it. It serialises to the same JSON.
 */
class Representation {}
export const asRepresentations = (representations: readonly unknown[]): unknown[] =>
  representations.map((r) => (r !== null && typeof r === 'object' && !Array.isArray(r) ? Object.assign(new Representation(), r) : r));

const isPromiseLike = (x: unknown): x is PromiseLike<unknown> => typeof (x as PromiseLike<unknown> | null)?.then === 'function';
const isAsyncIterable = (x: unknown): x is AsyncIterable<unknown> => typeof (x as AsyncIterable<unknown> | null)?.[Symbol.asyncIterator] === 'function';

/**
 * Hive Router's Rust query planner (`@graphql-hive/router-runtime`), made to
 * answer as the JS planner does where the hub depends on it:
 *
 * - **An operation the auth directives emptied is not planned.** The planner
 *   cannot parse an operation without a selection set (printed as
 *   `query($id: ID!)`, "Failed to parse query"), which the error mask turned
 *   into INTERNAL_SERVER_ERROR in place of the auth errors. Such an operation
 *   has nothing to fetch: its result is an empty `data`, as graphql-js gives
 *   for an empty selection set (the JS planner's path), and the auth plugin
 *   then adds its errors and nulls (`authNullsPlugin` puts them where the
 *   spec wants them).
 * - **Subrequests carry the client's operation name**, which every subgraph
 *   writes into its audit record (the planner's subrequests are anonymous).
 * - **A subgraph that fails** (unreachable, timed out, no answer) has its
 *   error at the fields it was to fetch (`["victims", "police"]`), not at the
 *   entity list above them (`["victims"]`) or nowhere (a timeout), so a
 *   client sees which fields are null and why.
 *
 * And two savings: query plans are found again for a document the auth
 * plugin copied (`DocumentCanon`), and enum values are not asked for
 * directives they cannot have (`trimEnumValueDirectives`).
 */
export async function rustPlannerHandler(options: HandlerOptions): Promise<Handler> {
  const operationNames = new WeakMap<object, string>();
  const subgraphExecute = options.onSubgraphExecute;
  const onSubgraphExecute = ((subgraphName, request) => {
    const name = request.context ? operationNames.get(request.context as object) : undefined;
    if (name && !request.operationName) {
      request = { ...request, document: named(request.document, name), operationName: name };
    }
    const representations = (request.variables as Record<string, unknown> | undefined)?.representations;
    if (!Array.isArray(representations)) return subgraphExecute(subgraphName, request);
    const fields = entityFields(request.document);
    request = { ...request, variables: { ...(request.variables as Record<string, unknown>), representations: asRepresentations(representations) } };
    const failed = (error: unknown): ExecutionResult => ({ errors: markedErrors([error], fields, subgraphName) });
    const answered = (result: unknown) =>
      isAsyncIterable(result) || !(result as ExecutionResult).errors?.length
        ? result
        : { ...(result as ExecutionResult), errors: markedErrors((result as ExecutionResult).errors!, fields, subgraphName) };
    try {
      const result = subgraphExecute(subgraphName, request);
      return (isPromiseLike(result) ? Promise.resolve(result).then(answered, failed) : answered(result)) as ReturnType<SubgraphExecute>;
    } catch (error) {
      return failed(error) as ReturnType<SubgraphExecute>;
    }
  }) as SubgraphExecute;
  const handler = await unifiedGraphHandler({ ...options, onSubgraphExecute });
  trimEnumValueDirectives(handler.unifiedGraph);
  const execute = handler.executor;
  if (!execute) return handler;
  const canon = new DocumentCanon();
  const executor = ((request: ExecutionRequest) => {
    if (selectsNothing(request.document, request.operationName)) return { data: {} };
    request = { ...request, document: canon.of(request.document) };
    const name = request.operationName ?? getOperationAST(request.document)?.name?.value;
    if (name && request.context) operationNames.set(request.context as object, name);
    const result = execute(request);
    const placed = (r: unknown) => (isAsyncIterable(r) ? r : placeSubgraphErrors(r as ExecutionResult));
    return isPromiseLike(result) ? Promise.resolve(result).then(placed) : placed(result);
  }) as Executor;
  return { ...handler, executor };
}

import { unifiedGraphHandler } from '@graphql-hive/router-runtime';
import { Kind, type DocumentNode } from 'graphql';

type HandlerOptions = Parameters<typeof unifiedGraphHandler>[0];
type Handler = Awaited<ReturnType<typeof unifiedGraphHandler>>;
type Executor = NonNullable<Handler['executor']>;
type ExecutionRequest = Parameters<Executor>[0];

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

/**
 * Hive Router's Rust query planner (`@graphql-hive/router-runtime`), made
 * safe for the auth directives: an operation the directives emptied is not
 * sent to the planner, which cannot parse an operation without a selection
 * set (it printed `query($id: ID!)` and failed with "Failed to parse query",
 * which the error mask turned into INTERNAL_SERVER_ERROR in place of the
 * auth errors). Such an operation has nothing to fetch, so its result is an
 * empty `data`, as graphql-js gives for an empty selection set (the JS
 * planner's path); the auth plugin then adds its errors and the nulls
 * (`authNullsPlugin` puts them where the spec wants them).
 */
export async function rustPlannerHandler(options: HandlerOptions): Promise<Handler> {
  const handler = await unifiedGraphHandler(options);
  const execute = handler.executor;
  if (!execute) return handler;
  const executor = ((request: ExecutionRequest) => {
    if (selectsNothing(request.document, request.operationName)) return { data: {} };
    return execute(request);
  }) as Executor;
  return { ...handler, executor };
}

import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { GraphQLError, type FieldNode, type GraphQLErrorExtensions } from 'graphql';

/**
 * Where each denied field's null belongs. The runtime's auth plugin
 * (@envelop/generic-auth 11 with extended-validation 7) puts its list marker
 * `@` before a nullable list field's key, and its null-filling then writes
 * `{"@": {"police": null}}` into a victim instead of `"police": null` (and
 * turns a null parent into an object). So the errors carry no path while the
 * runtime fills nulls; `authNullsPlugin` puts the path back and the nulls in
 * the right places.
 */
const pathOf = new WeakMap<GraphQLError, string[]>();

/**
 * An auth refusal for a field. `resolvePath` is the runtime's response path
 * (response keys, with `@` list markers that are dropped: a denied field
 * inside a list has one error for all items).
 */
export function authError(message: string, fieldNode: FieldNode, resolvePath: readonly (string | number)[], extensions: GraphQLErrorExtensions): GraphQLError {
  const error = new GraphQLError(message, { nodes: [fieldNode], extensions });
  pathOf.set(error, resolvePath.filter((p) => p !== '@').map(String));
  return error;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Objects reached by following `key` from each of `parents`, through lists. */
function step(parents: Json[], key: string): Json[] {
  const next: Json[] = [];
  const add = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(add);
    else if (isObject(v)) next.push(v);
  };
  for (const parent of parents) {
    // A parent whose every selected field was denied was dropped from the query: it is null too.
    if (parent[key] === undefined) parent[key] = null;
    else add(parent[key]);
  }
  return next;
}

/** Sets the denied field to null under every parent the path reaches; never replaces a value or a null parent. */
export function insertNull(data: Json, path: readonly string[]): void {
  let level: Json[] = [data];
  for (const key of path.slice(0, -1)) level = step(level, key);
  const last = path.at(-1);
  if (last === undefined) return;
  for (const parent of level) if (parent[last] === undefined) parent[last] = null;
}

/** Restores the paths of auth errors and puts a null where each denied field was asked for. */
export function authNullsPlugin(): GatewayPlugin {
  return {
    onExecute() {
      return {
        onExecuteDone({ result, setResult }) {
          if (!('errors' in result) || !result.errors?.some((e) => pathOf.has(e as GraphQLError))) return;
          const data = isObject(result.data) ? { ...result.data } : result.data;
          const errors = result.errors.map((error) => {
            const path = pathOf.get(error as GraphQLError);
            if (!path) return error;
            if (isObject(data)) insertNull(data, path);
            return new GraphQLError(error.message, { nodes: error.nodes, path, extensions: error.extensions });
          });
          setResult({ ...result, data, errors });
        },
      };
    },
  };
}

import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import {
  getNamedType,
  getNullableType,
  GraphQLError,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  type DocumentNode,
  type ExecutionArgs,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLErrorExtensions,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';

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

/**
 * The schema type of each field along a response path (response keys, list
 * indexes left out) of the operation, looking through inline fragments and
 * fragment spreads, or by field name where the field is no longer in the
 * document; null when a key is not found.
 */
export function typesAlong(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  path: readonly string[],
): GraphQLOutputType[] | null {
  const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  const operation = operations.find((o) => !operationName || o.name?.value === operationName);
  const root = operation && schema.getRootType(operation.operation);
  if (!operation || !root) return null;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  let sets: { set: SelectionSetNode; type: GraphQLNamedType }[] = [{ set: operation.selectionSet, type: root }];
  const types: GraphQLOutputType[] = [];
  for (const key of path) {
    const matches: { def: GraphQLField<unknown, unknown>; node: FieldNode }[] = [];
    const scan = (set: SelectionSetNode, type: GraphQLNamedType | undefined) => {
      for (const sel of set.selections) {
        if (sel.kind === Kind.FIELD) {
          if ((sel.alias ?? sel.name).value !== key) continue;
          const def = type && (isObjectType(type) || isInterfaceType(type)) ? type.getFields()[sel.name.value] : undefined;
          if (def) matches.push({ def, node: sel });
        } else if (sel.kind === Kind.INLINE_FRAGMENT) {
          scan(sel.selectionSet, sel.typeCondition ? schema.getType(sel.typeCondition.name.value) : type);
        } else {
          const fragment = fragments.get(sel.name.value);
          if (fragment) scan(fragment.selectionSet, schema.getType(fragment.typeCondition.name.value));
        }
      }
    };
    for (const { set, type } of sets) scan(set, type);
    const first = matches[0];
    // The runtime removes a denied field (and a parent left with none) from the document it
    // executes: then the key is the field's name on the parent type.
    const parent = sets[0]?.type ?? (types.length === 0 ? root : undefined);
    const def = first?.def ?? (parent && (isObjectType(parent) || isInterfaceType(parent)) ? parent.getFields()[key] : undefined);
    if (!def) return null;
    types.push(def.type);
    const named = getNamedType(def.type);
    sets = matches.length > 0 ? matches.flatMap((m) => (m.node.selectionSet ? [{ set: m.node.selectionSet, type: named }] : [])) : [];
    if (sets.length === 0) sets = [{ set: { kind: Kind.SELECTION_SET, selections: [] }, type: named }];
  }
  return types;
}

const isObjectLike = (type: GraphQLOutputType): boolean => isObjectType(type) || isInterfaceType(type);

/**
 * Puts the null for a denied field where the GraphQL spec puts it: on the
 * field itself when its type is nullable, else on its nearest nullable
 * parent (a list item, a list, an object field, up to `data` itself). Never
 * replaces a value or a null parent. `types` are the field types along `path`
 * (`typesAlong`); without them every field counts as nullable. Returns true
 * when the null reaches the root, i.e. `data` itself must be null.
 */
export function insertNull(data: Json, path: readonly string[], types?: readonly (GraphQLOutputType | undefined)[]): boolean {
  const last = path.length - 1;
  if (last < 0) return false;
  /** Whether the object `parent`, holding `path[i]`, must itself become null. */
  const inObject = (parent: Json, i: number): boolean => {
    const key = path[i] as string;
    const type = types?.[i];
    const nonNull = type !== undefined && isNonNullType(type);
    const value = parent[key];
    // Undefined (or null, where the runtime filled one in) at the end: the denied field.
    // Undefined above it: a parent whose every selected field was denied was dropped
    // from the query, so it is null too.
    // A non-null object parent dropped because every field selected in it was denied
    // did exist: give it back as an object so the denied field's null lands inside it
    // instead of wiping out everything above it.
    if (value === undefined && i < last && nonNull && isObjectLike(getNullableType(type))) {
      parent[key] = {};
      return inValue(parent[key], getNullableType(type), i + 1);
    }
    if (value === undefined || (i === last && value === null)) {
      if (nonNull) return true;
      parent[key] = null;
      return false;
    }
    if (i === last || value === null) return false;
    if (inValue(value, type && getNullableType(type), i + 1)) {
      if (nonNull) return true;
      parent[key] = null;
    }
    return false;
  };
  /** Whether `value` (of the nullable `type`) must become null because of the denied field below it. */
  const inValue = (value: unknown, type: GraphQLOutputType | undefined, i: number): boolean => {
    if (Array.isArray(value)) {
      const item = type && isListType(type) ? (type.ofType as GraphQLOutputType) : undefined;
      for (const [index, v] of value.entries()) {
        if (v === null || !inValue(v, item && getNullableType(item), i)) continue;
        if (item && isNonNullType(item)) return true;
        value[index] = null;
      }
      return false;
    }
    return isObject(value) ? inObject(value, i) : false;
  };
  return inObject(data, 0);
}

/**
 * Restores the paths of auth errors and puts a null where each denied field
 * was asked for, propagated to the nearest nullable parent when the field is
 * non-null (a client's generated types never meet a null they were told
 * cannot happen).
 */
export function authNullsPlugin(): GatewayPlugin {
  return {
    onExecute({ args }) {
      return {
        onExecuteDone({ result, setResult }) {
          if (!('errors' in result) || !result.errors?.some((e) => pathOf.has(e as GraphQLError))) return;
          let data = isObject(result.data) ? { ...result.data } : result.data;
          const errors = (result.errors as readonly GraphQLError[]).map((error) => {
            const path = pathOf.get(error);
            if (!path) return error;
            const { schema, document, operationName } = args as ExecutionArgs;
            const types = typesAlong(schema, document, operationName, path) ?? undefined;
            if (isObject(data) && insertNull(data, path, types)) data = null;
            return new GraphQLError(error.message, { nodes: error.nodes, path, extensions: error.extensions });
          });
          setResult({ ...result, data, errors });
        },
      };
    },
  };
}

import { Kind, visit, type ASTNode, type DocumentNode, type GraphQLError } from 'graphql';

/**
 * graphql-js words a refused literal with the literal itself (`String cannot
 * represent a non string value: 01010012356`, `Value "…" does not exist in
 * "Gender" enum.`, `Syntax Error: Unexpected Name "…"`), and a literal here
 * can be an identity number or a name. These rules keep the type and the
 * rule and drop the value.
 */
const RULES: [RegExp, (m: RegExpExecArray) => string][] = [
  [/^Expected value of type "([^"]+)", found [\s\S]*$/, (m) => `expected type "${m[1]}"`],
  [/^(String|Int|Float|Boolean|ID) cannot represent [\s\S]*$/, (m) => `expected type "${m[1]}"`],
  [/^Enum "([^"]+)" cannot represent [\s\S]*$/, (m) => `the value is not one of the "${m[1]}" enum values`],
  [/^Value [\s\S]* does not exist in "([^"]+)" enum[\s\S]*$/, (m) => `the value is not one of the "${m[1]}" enum values`],
  [/^Argument "([^"]+)" has invalid value [\s\S]*$/, () => 'the value does not match its type'],
];

/** A token a syntax error quotes (`Unexpected Name "…"`, `found String "…"`): the rule stays, the token goes. */
const SYNTAX_TOKEN = /(?:(?:Name|String|BlockString|Int|Float) )?"[\s\S]*"/;

/**
 * Where a literal value sits in the document, as `argument.field[0].field`,
 * or null when `node` is not inside an argument.
 */
export function literalPath(document: DocumentNode | undefined, node: ASTNode | undefined): string | null {
  if (!document || !node) return null;
  let found: string | null = null;
  visit(document, {
    enter(current, _key, parent, path, ancestors) {
      if (found !== null) return false;
      if (current !== node) return undefined;
      // `ancestors` are the nodes and arrays above `current`; `path` the keys that lead to it.
      const chain = [...ancestors, ...(parent ? [parent] : []), current] as (ASTNode | readonly ASTNode[])[];
      const parts: string[] = [];
      chain.forEach((step, i) => {
        if (Array.isArray(step)) return;
        const n = step as ASTNode;
        if (n.kind === Kind.ARGUMENT) parts.push(n.name.value);
        else if (n.kind === Kind.OBJECT_FIELD) parts.push(`.${n.name.value}`);
        else if (n.kind === Kind.LIST && i + 1 < chain.length) {
          // The key after the list node's `values` array is the item index.
          const index = path[i + 1];
          if (typeof index === 'number') parts.push(`[${index}]`);
        }
      });
      found = parts.join('') || null;
      return false;
    },
  });
  return found;
}

/**
 * The message without any echoed value: `Invalid value at input.person.identifiers[0].value:
 * expected type "String".` (the place named when `document` is given), or the
 * message as it was when it echoes nothing.
 */
export function redactValueEcho(message: string, error?: Pick<GraphQLError, 'nodes'>, document?: DocumentNode): string {
  for (const [pattern, rule] of RULES) {
    const m = pattern.exec(message);
    if (!m) continue;
    const where = literalPath(document, error?.nodes?.[0]);
    return `Invalid value${where ? ` at ${where}` : ''}: ${rule(m)}.`;
  }
  if (message.startsWith('Syntax Error:')) return message.replace(SYNTAX_TOKEN, 'token');
  return message;
}

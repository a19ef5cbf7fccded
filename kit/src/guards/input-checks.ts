import { GraphQLError, visit, type DocumentNode } from 'graphql';

/**
 * Rules every input string and every variable value meets, checked the same
 * way by the gateway and by each subgraph before anything runs: no input in
 * the hub nests deeper than a few levels, and no real name or text holds a
 * NUL (Postgres text cannot store one), another control character or a
 * bidirectional override (it makes a name read differently from what is
 * stored: "Trojan Source"), or another invisible format character (zero-width
 * space and joiner, soft hyphen, word joiner, byte-order mark, tag characters:
 * Unicode category Cf), which makes two strings that look the same differ, such
 * as a second, visually identical case reference.
 */

/** Deepest nesting of a variable value (lists and objects); the hub's deepest input is 4. */
export const MAX_INPUT_DEPTH = 16;

/** Control characters other than tab, line feed and carriage return (C0, DEL, C1). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point: they are refused
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
/** Bidirectional embeddings, overrides, isolates and marks. */
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
/** Invisible format characters (Unicode category Cf), the bidirectional ones above included. */
const FORMAT = /\p{Cf}/u;
/**
 * The one format character real text needs: a zero-width non-joiner between two letters of Arabic script,
 * which Persian, Urdu, Pashto and Kurdish names are spelled with (it changes the letters' shapes, so it is
 * not invisible there).
 */
const ARABIC_ZWNJ = /(?<=\p{Script=Arabic}\p{M}*)\u200c(?=\p{Script=Arabic})/gu;

/** True when the text holds an invisible format character (Cf) other than a zero-width non-joiner inside an Arabic-script word. */
export function hasInvisibleFormatCharacter(value: string): boolean {
  return FORMAT.test(value) && FORMAT.test(value.replace(ARABIC_ZWNJ, ''));
}

/** What is wrong with one input string, or null. Never says what the string was. */
export function textProblem(value: string): string | null {
  if (value.includes('\u0000')) return 'text may not contain NUL characters';
  if (CONTROL.test(value)) return 'text may not contain control characters';
  if (BIDI.test(value)) return 'text may not contain bidirectional control characters';
  if (hasInvisibleFormatCharacter(value)) return 'text may not contain invisible format characters';
  return null;
}

/** A refused input: where (`$input.person.givenNames`, never the value) and the rule. */
export interface InputProblem {
  where: string;
  rule: string;
}

/**
 * The first problem in variable values, or null: too deep a nesting, or a
 * string that breaks `textProblem`. Walks with its own stack, so a value
 * nested tens of thousands deep cannot overflow the call stack.
 */
export function variablesProblem(variables: unknown): InputProblem | null {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value: variables, path: '$', depth: 0 }];
  while (stack.length > 0) {
    const { value, path, depth } = stack.pop() as { value: unknown; path: string; depth: number };
    if (typeof value === 'string') {
      const rule = textProblem(value);
      if (rule) return { where: path, rule };
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    // The variables object itself is level 0; each value in it starts at 1.
    if (depth > MAX_INPUT_DEPTH) return { where: path, rule: `input may nest at most ${MAX_INPUT_DEPTH} levels deep` };
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i -= 1) stack.push({ value: value[i], path: `${path}[${i}]`, depth: depth + 1 });
    } else {
      for (const [k, v] of Object.entries(value)) stack.push({ value: v, path: path === '$' ? `$${k}` : `${path}.${k}`, depth: depth + 1 });
    }
  }
  return null;
}

/** The first string literal in the document that breaks `textProblem` (escapes such as `\u{0}` already decoded), or null. */
export function literalsProblem(document: DocumentNode): InputProblem | null {
  // A document's literals do not change: servers keep parsed documents, so a document seen again is checked once.
  const known = literalProblems.get(document);
  if (known !== undefined) return known;
  const found = findLiteralProblem(document);
  literalProblems.set(document, found);
  return found;
}

const literalProblems = new WeakMap<DocumentNode, InputProblem | null>();

function findLiteralProblem(document: DocumentNode): InputProblem | null {
  let found: InputProblem | null = null;
  visit(document, {
    StringValue(node) {
      const rule = found ? null : textProblem(node.value);
      if (rule) found = { where: 'a string literal', rule };
    },
  });
  return found;
}

/** The problem as a client error (`BAD_USER_INPUT`, with `status` as its HTTP status when given), naming where and the rule. */
export function inputError(problem: InputProblem, status?: number): GraphQLError {
  return new GraphQLError(`Invalid input at ${problem.where}: ${problem.rule}.`, {
    extensions: { code: 'BAD_USER_INPUT', field: problem.where, ...(status ? { http: { status } } : {}) },
  });
}

/** The input refusal for an operation and its variables, or null. */
export function checkInputs(document: DocumentNode, variables: unknown, status?: number): GraphQLError | null {
  const problem = variablesProblem(variables) ?? literalsProblem(document);
  return problem ? inputError(problem, status) : null;
}

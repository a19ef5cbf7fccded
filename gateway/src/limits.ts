import { maxTokensPlugin } from '@escape.tech/graphql-armor-max-tokens';
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import type { DocumentNode, ExecutionArgs, GraphQLError } from 'graphql';
import { checkInputs, costErrors, limitRules, redactValueEcho, withoutSuggestions, type QueryLimits } from '@nrm-hub/kit/guards';

export { DEFAULT_LIMITS, withListSizes, withoutSuggestions, type QueryLimits } from '@nrm-hub/kit/guards';

/**
 * The cost limit runs when the variables are known (the validation cache is
 * keyed by document alone), so `victims(first: $n)` costs what `$n` asks for.
 */
function costLimitPlugin(maxCost: number): GatewayPlugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const { schema, document, variableValues } = args as ExecutionArgs;
      const errors = costErrors(schema, document, variableValues ?? undefined, maxCost);
      if (errors.length > 0) setResultAndStopExecution({ errors });
    },
  };
}

/**
 * Parse and validation errors do not pass through the error mask: cut suggestions
 * (graphql-armor's block-field-suggestions misses "Did you mean the enum
 * value …?") and any echoed literal value (`String cannot represent a non
 * string value: 01010012356`) from them here.
 */
function cleanValidationErrorsPlugin(): GatewayPlugin {
  return {
    // A syntax error quotes the token it stopped at (`found String "…"`).
    onParse:
      () =>
      ({ result }) => {
        if (result instanceof Error) result.message = redactValueEcho(result.message);
      },
    onValidate:
      ({ params }) =>
      ({ valid, result }) => {
        const document = (params as { documentAST: DocumentNode }).documentAST;
        if (!valid) for (const error of result as readonly GraphQLError[]) error.message = redactValueEcho(withoutSuggestions(error.message), error, document);
      },
  };
}

/**
 * Refuses a variable value nested too deeply and text with a NUL, another
 * control character or a bidirectional override, anywhere in the input
 * (the kit's rules, which every subgraph applies again).
 */
function inputChecksPlugin(): GatewayPlugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      // A value refusal answers like any other invalid value: `BAD_USER_INPUT`, no data.
      const { document, variableValues } = args as ExecutionArgs;
      const error = checkInputs(document, variableValues ?? undefined);
      if (error) setResultAndStopExecution({ errors: [error] });
    },
  };
}

/** The envelop plugins that enforce `limits`, clean validation messages and check every input. */
export function limitPlugins(limits: QueryLimits): GatewayPlugin[] {
  return [
    // Parse errors get GRAPHQL_PARSE_FAILED and HTTP 400 from Yoga; the token limit adds its reason.
    maxTokensPlugin({ n: limits.maxTokens, onReject: [(_context, error) => Object.assign(error.extensions, { reason: 'MAX_TOKENS' })] }) as GatewayPlugin,
    { onValidate: ({ addValidationRule }) => limitRules(limits).forEach((rule) => addValidationRule(rule)) },
    cleanValidationErrorsPlugin(),
    costLimitPlugin(limits.maxCost),
    inputChecksPlugin(),
  ];
}

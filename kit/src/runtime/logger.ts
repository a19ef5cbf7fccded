import { pino, type Logger } from 'pino';

/**
 * The hub's structured log: one JSON object per line on stdout (pino), with
 * `time` (ISO), `level` (a word), `service` and, for anything about a
 * request, the `requestId` the gateway gave it (sent on to every subgraph as
 * `x-request-id`), so one client request can be followed through every
 * process. Never log personal data: no variables, no argument values, no
 * database error texts (they quote values), no operation names (clients
 * choose them). `LOG_LEVEL` sets the level (`info`; `warn` under the tests,
 * where every request of an in-process hub would print a line).
 */
const root: Logger = pino(
  {
    level: process.env.LOG_LEVEL ?? (process.env.VITEST ? 'warn' : 'info'),
    base: undefined,
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
  },
  // Through process.stdout (not a file descriptor of its own), so what the tests capture includes it.
  process.stdout,
);

/** This process's logger; `setLogService` names the service on every line. */
export let log: Logger = root;

/** Names this process's service (`nrm`, `police`, `gateway`…) on every log line from now on. */
export function setLogService(service: string): void {
  log = root.child({ service });
}

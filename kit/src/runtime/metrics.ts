import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

/**
 * Prometheus metrics of a hub process, served at `/metrics` by every
 * subgraph (and the gateway). Labels carry no personal data: the service
 * name, an HTTP status, a statement kind.
 */
export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry });

/** Labels every metric of this process with its service name (`nrm`, `police`, `gateway`…). */
export function setMetricsService(service: string): void {
  metricsRegistry.setDefaultLabels({ service });
}

/** GraphQL HTTP requests served, by status. */
export const httpRequests = new Counter({
  name: 'nrm_hub_http_requests_total',
  help: 'GraphQL HTTP requests served, by HTTP status.',
  labelNames: ['status'],
  registers: [metricsRegistry],
});

/** Time to answer a GraphQL HTTP request. */
export const httpDuration = new Histogram({
  name: 'nrm_hub_http_request_duration_seconds',
  help: 'Time to answer a GraphQL HTTP request.',
  buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 15],
  registers: [metricsRegistry],
});

/** SQL statements run: `resolve` while answering, `audit` by the audit appender. */
export const sqlStatements = new Counter({
  name: 'nrm_hub_sql_statements_total',
  help: 'SQL statements run, by kind (resolve, audit).',
  labelNames: ['kind'],
  registers: [metricsRegistry],
});

/** Time to commit one group of audit records (one transaction). */
export const auditAppendDuration = new Histogram({
  name: 'nrm_hub_audit_append_duration_seconds',
  help: 'Time to commit one group of audit records (one transaction).',
  buckets: [0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
  registers: [metricsRegistry],
});

/** Records per audit group commit. */
export const auditBatchSize = new Histogram({
  name: 'nrm_hub_audit_batch_size',
  help: 'Audit records written per group commit.',
  buckets: [1, 2, 4, 8, 16, 32, 64, 128, 256],
  registers: [metricsRegistry],
});

/** The gateway's subrequests to each subgraph, by outcome (ok; error: the answer carried errors). */
export const subgraphRequests = new Counter({
  name: 'nrm_hub_gateway_subgraph_requests_total',
  help: 'Subrequests the gateway sent to each subgraph, by outcome (ok, error: the answer carried errors).',
  labelNames: ['subgraph', 'outcome'],
  registers: [metricsRegistry],
});

/** Time from the gateway sending a subrequest to a subgraph to its answer. */
export const subgraphDuration = new Histogram({
  name: 'nrm_hub_gateway_subgraph_request_duration_seconds',
  help: 'Time from the gateway sending a subrequest to a subgraph to its answer.',
  labelNames: ['subgraph'],
  buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 15],
  registers: [metricsRegistry],
});

/** The metrics in Prometheus text format. */
export async function metricsText(): Promise<{ contentType: string; body: string }> {
  return { contentType: metricsRegistry.contentType, body: await metricsRegistry.metrics() };
}

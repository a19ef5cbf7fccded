/**
 * Load generator for the benchmarks, run as its own process so it does not
 * share a CPU budget with the server under test:
 *
 *   node --import tsx test/bench/load.ts '<json options>'
 *
 * Options: url, body (JSON text), headers, connections, duration (s).
 * Prints one JSON line: requests, throughput (req/s), p50/p99 latency (ms),
 * non-2xx responses and errors.
 */
import autocannon from 'autocannon';

const o = JSON.parse(process.argv[2] ?? '{}') as { url: string; body: string; headers: Record<string, string>; connections: number; duration: number };
const result = await autocannon({
  url: o.url,
  method: 'POST',
  body: o.body,
  headers: { 'content-type': 'application/json', ...o.headers },
  connections: o.connections,
  duration: o.duration,
  // A slow answer is measured, not dropped: the hub on a busy machine can take seconds.
  timeout: 60,
});
console.log(
  JSON.stringify({
    requests: result.requests.total,
    /** Responses received (any status); the divisor of CPU and statements per request. */
    responses: Object.values(result.statusCodeStats ?? {}).reduce((a: number, x: { count?: number }) => a + (x.count ?? 0), 0),
    throughput: result.requests.total / o.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  }),
);

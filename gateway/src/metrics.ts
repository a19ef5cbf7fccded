import { subgraphDuration, subgraphRequests } from '@nrm-hub/kit/runtime';

/**
 * A gateway runtime plugin timing every subrequest to a subgraph
 * (`nrm_hub_gateway_subgraph_request_duration_seconds`) and counting it by
 * outcome (`nrm_hub_gateway_subgraph_requests_total`), next to the kit's
 * HTTP metrics labelled `service="gateway"`. Labels carry no personal data:
 * a subgraph's name and an outcome.
 */
export function subgraphMetricsPlugin() {
  return {
    onSubgraphExecute({ subgraphName }: { subgraphName: string }) {
      const end = subgraphDuration.startTimer({ subgraph: subgraphName });
      return ({ result }: { result: unknown }) => {
        end();
        const errors = (result as { errors?: readonly unknown[] } | null)?.errors;
        subgraphRequests.inc({ subgraph: subgraphName, outcome: errors?.length ? 'error' : 'ok' });
      };
    },
  };
}

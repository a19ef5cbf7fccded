import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { Viewer } from '../auth/auth.ts';
import type { Db } from '../runtime/database.ts';
import { errorSummary } from '../runtime/log-safe.ts';
import { appendAuditBatched } from './batcher.ts';
import type { AuditCollector } from './collector.ts';
import { appendAudit } from './log.ts';

/** What the audit plugin needs from a subgraph's request context. */
export interface AuditedContext extends BaseContext {
  requestId: string;
  viewer: Viewer | null;
  audit: AuditCollector;
  // Any subgraph's schema: the audit table is the same in each.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  db: Db<any>;
}

const GROUP_COMMIT = process.env.AUDIT_GROUP_COMMIT !== 'off';

/** Code of the error a client gets when its read could not be logged. */
export const AUDIT_UNAVAILABLE = 'AUDIT_UNAVAILABLE';

/**
 * Writes one audit record per request that served personal data, when the
 * response is about to be sent. Fails closed: if the record cannot be
 * written, the response loses its data and carries an `AUDIT_UNAVAILABLE`
 * error (HTTP 503) instead, since an unlogged read of personal data is not
 * allowed. The log line names only the error class and SQLSTATE code: driver
 * messages can quote values.
 */
export function auditPlugin<TContext extends AuditedContext>(subgraph: string): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response, operationName }) {
          if (!contextValue?.audit || contextValue.audit.empty) return;
          try {
            const entry = contextValue.audit.entry({ requestId: contextValue.requestId, viewer: contextValue.viewer, operation: operationName ?? null });
            // Group commit: one transaction for the records of all requests finishing together
            // (`AUDIT_GROUP_COMMIT=off`: one transaction each, for comparing in benchmarks).
            if (entry) await (GROUP_COMMIT ? appendAuditBatched(contextValue.db, entry) : appendAudit(contextValue.db, entry));
          } catch (error) {
            console.error(`[${subgraph}] audit write failed: ${errorSummary(error)}; response withheld`);
            response.body = {
              kind: 'single',
              singleResult: {
                errors: [{ message: 'The read could not be recorded in the audit log, so no data is returned.', extensions: { code: AUDIT_UNAVAILABLE } }],
              },
            };
            response.http.status = 503;
          }
        },
      };
    },
  };
}

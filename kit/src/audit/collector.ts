import type { Viewer } from '../auth/auth.ts';
import type { AuditEntry } from './log.ts';

/**
 * Collects, during one request, the personal-data fields served and the
 * victims they concern. `enforceAuthDirectives` fills it; the subgraph
 * server writes it as one record when the response is sent.
 */
export class AuditCollector {
  private readonly fields = new Set<string>();
  private readonly victimIds = new Set<string>();

  /** Notes a served field (`Type.field`) and, when known, the victim it is about. */
  record(field: string, victimId?: unknown): void {
    this.fields.add(field);
    if (typeof victimId === 'string' && victimId.length > 0 && victimId.length <= 100) this.victimIds.add(victimId);
  }

  /** True when the request served no personal data (nothing to write). */
  get empty(): boolean {
    return this.fields.size === 0;
  }

  /** The entry for this request, or null when nothing personal was served. */
  entry(request: { requestId: string; viewer: Viewer | null; operation: string | null; at?: Date }): AuditEntry | null {
    if (this.empty) return null;
    // Directives refuse every audited field to an anonymous caller, so a viewer is always there.
    if (!request.viewer) throw new Error('Audited fields were served without a verified caller');
    const v = request.viewer;
    return {
      at: request.at ?? new Date(),
      requestId: request.requestId,
      subject: v.subject,
      agency: v.agency,
      roles: [...v.roles].sort(),
      purpose: v.purpose,
      operation: request.operation,
      victimIds: [...this.victimIds].sort(),
      fields: [...this.fields].sort(),
    };
  }
}

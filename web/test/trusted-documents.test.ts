import { describe, expect, it } from 'vitest';
import { readTrustedDocuments } from '@nrm-hub/gateway/trusted-documents';
import { readPersistedDocuments } from '@nrm-hub/scripts/trusted-documents';

describe('the web app’s operations', () => {
  it('are each in the gateway’s trusted-documents manifest under the SHA-256 of their text, so the built app works in production mode', () => {
    const app = readPersistedDocuments();
    const names = Object.values(app).map((text) => /\b(query|mutation) (\w+)/.exec(text)?.[2]);
    expect(names.sort()).toEqual([
      'AcknowledgeAlert',
      'AlertsList',
      'ChildCoordination',
      'ChildWelfareDeadlines',
      'ClassificationMismatches',
      'CloseAlert',
      'ConfirmLinkReview',
      'CustodyFlags',
      'ImmigrationDeadlines',
      'OpenAlertCount',
      'OpenLinkReviews',
      'RejectLinkReview',
      'StatisticsPage',
      'UpcomingReturns',
      'VictimAuditTrail',
      'VictimView',
      'VictimsPage',
    ]);
    const manifest = readTrustedDocuments();
    for (const [id, text] of Object.entries(app)) expect(manifest[id]).toBe(text);
  });
});

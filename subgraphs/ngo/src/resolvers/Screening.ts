import { checkScreeningInput, hubError, screeningView, todayOf, unknownScreeningSubject, type ScreeningInput } from '@nrm-hub/kit';
import { requireOwnRecord } from '../rules/consent.ts';
import type { NgoContext } from '../context.ts';
import { clientsWithRecords, type ClientWithRecords } from '../data/client-store.ts';
import { organisationById } from '../data/organisation-store.ts';
import { recordNgoScreening } from '../data/screening-store.ts';

export const NgoClient = {
  screenings: (c: ClientWithRecords) => c.screenings.map((s) => screeningView(s, c)),
};

export const ScreeningMutation = {
  ngoRecordScreening: async (_: unknown, { input }: { input: ScreeningInput }, ctx: NgoContext) => {
    if (!ctx.viewer) throw hubError('UNAUTHENTICATED', 'Authentication required: send a valid bearer token.');
    const checked = checkScreeningInput(input, todayOf(ctx.now));
    const row = await recordNgoScreening(ctx.db, checked, ctx.viewer.subject, async (tx, organisationId) => {
      // Inside the transaction, on its connection (embedded PGlite has only one). Another organisation's client is
      // answered as one the NGO does not hold.
      const organisation = await organisationById(tx, organisationId);
      requireOwnRecord(ctx.viewer, organisation?.name ?? '', unknownScreeningSubject);
    });
    const [client] = await clientsWithRecords(ctx.db, { ids: [row.subjectId] });
    return screeningView(row, client!);
  },
};

import {
  aboutVictimOf,
  badInput,
  checkAmountNok,
  checkDateOrder,
  checkEventDate,
  checkEventTime,
  checkIdempotencyKey,
  checkOptionalEventDate,
  checkUuid,
  hubError,
  isAgencyClaim,
  MAX_GRANT_NOK,
  mixesScriptsInAWord,
  organisationCode,
  registerPotentialVictim,
  onBehalfOf,
  todayOf,
} from '@nrm-hub/kit';
import { requireOwnOrganisation, requireOwnRecord } from '../rules/consent.ts';
import type { NgoContext } from '../context.ts';
import type { MutationNgoRegisterPotentialVictimArgs } from '../generated/resolvers-types.ts';
import { endAssistance, organisationOfConsent, organisationOfEpisode, recordAssistance, recordConsent, withdrawConsent } from '../data/assistance-store.ts';
import { clientsWithRecords, insertClient, clientById } from '../data/client-store.ts';
import { createOrganisation, organisationById, recordGrant } from '../data/organisation-store.ts';

type RegisterInput = MutationNgoRegisterPotentialVictimArgs['input'];

function checkText(value: string, field: string, max = 200): string {
  const v = value.trim();
  if (!v || v.length > max) throw badInput(field, `must be 1 to ${max} characters`);
  return v;
}

function checkYear(value: number, field: string): number {
  if (value < 1900 || value > 2100) throw badInput(field, 'must be between 1900 and 2100');
  return value;
}

// The stores' answers to an unknown id; another organisation's record gets the same (no existence oracle).
const noClient = () => hubError('NOT_FOUND', 'No NGO client record with that id.');
const noEpisode = () => hubError('NOT_FOUND', 'No assistance episode with that id.');
const noConsent = () => hubError('NOT_FOUND', 'No consent with that id.');

/** Refuses NGO staff acting on another organisation's client as if it did not exist; unknown clients are left to the store's NOT_FOUND. */
async function requireOwnClient(ctx: NgoContext, clientId: string): Promise<void> {
  const [client] = await clientsWithRecords(ctx.db, { ids: [checkUuid(clientId, 'input.clientId')] });
  if (client) requireOwnRecord(ctx.viewer, client.organisation.name, noClient);
}

/** What a write returns about a client, logged under the client's victim (`aboutVictimOf`). */
const aboutClient = <T extends { clientId: string }>(ctx: NgoContext, written: Promise<T>) =>
  aboutVictimOf(written, async (row) => (await clientById(ctx.db, row.clientId))?.victimId);

export const Mutation = {
  ngoCreateOrganisation: (_: unknown, { input }: { input: { name: string; kind: string } }, ctx: NgoContext) => {
    const name = checkText(input.name, 'input.name');
    // "RОSA" with a Cyrillic О reads as "ROSA": one word in one script (names wholly in another script pass).
    if (mixesScriptsInAWord(name)) throw badInput('input.name', 'must not mix letters of different scripts within one word');
    // Its staff sign in as `ngo:<code>`: a name that gives no valid claim would make an organisation no one can act for.
    const code = organisationCode(name);
    if (!isAgencyClaim(`ngo:${code}`)) throw badInput('input.name', 'must give an organisation code of 2 to 60 letters, digits and dashes');
    return createOrganisation(ctx.db, { name, kind: input.kind }, code);
  },

  async ngoRegisterPotentialVictim(_: unknown, { input }: { input: RegisterInput }, ctx: NgoContext) {
    const organisationId = checkUuid(input.organisationId, 'input.organisationId');
    // Checked before anything reaches the NRM.
    const organisation = await organisationById(ctx.db, organisationId);
    if (!organisation) throw badInput('input.organisationId', 'no such organisation');
    requireOwnOrganisation(ctx.viewer, organisation.name);
    const { recordId, outcome } = await registerPotentialVictim({
      db: ctx.db,
      agency: 'NGO',
      nrm: ctx.nrm,
      linkageSecret: ctx.linkageSecret,
      onBehalf: onBehalfOf(ctx.viewer),
      idempotencyKey: input.idempotencyKey,
      person: input.person,
      decision: input.decision,
      extra: { organisationId },
      insertRecord: (tx, id, victimId, person, extra) => insertClient(tx, id, victimId, extra.organisationId, person, input.decision),
    });
    const [client] = await clientsWithRecords(ctx.db, { ids: [recordId] });
    return { outcome, client };
  },

  ngoRecordAssistance: async (
    _: unknown,
    { input }: { input: { idempotencyKey: string; clientId: string; type: string; startedAt: string; endedAt?: string | null } },
    ctx: NgoContext,
  ) => {
    const today = todayOf(ctx.now);
    const startedAt = checkEventDate(input.startedAt, 'input.startedAt', today);
    const endedAt = checkOptionalEventDate(input.endedAt, 'input.endedAt', today);
    checkDateOrder(startedAt, endedAt, 'input.endedAt', 'startedAt');
    await requireOwnClient(ctx, input.clientId);
    return aboutClient(
      ctx,
      recordAssistance(ctx.db, {
        ...input,
        startedAt,
        endedAt,
        idempotencyKey: checkIdempotencyKey(input.idempotencyKey),
        clientId: checkUuid(input.clientId, 'input.clientId'),
      }),
    );
  },

  ngoEndAssistance: async (_: unknown, { input }: { input: { episodeId: string; endedAt: string } }, ctx: NgoContext) => {
    const episodeId = checkUuid(input.episodeId, 'input.episodeId');
    // Not before the episode started: the store checks that against the stored day.
    const endedAt = checkEventDate(input.endedAt, 'input.endedAt', todayOf(ctx.now));
    const owner = await organisationOfEpisode(ctx.db, episodeId);
    if (owner) requireOwnRecord(ctx.viewer, owner, noEpisode);
    return aboutClient(ctx, endAssistance(ctx.db, { episodeId, endedAt }));
  },

  ngoRecordGrant: async (
    _: unknown,
    { input }: { input: { idempotencyKey: string; organisationId: string; year: number; amountNok: number; grantor: string } },
    ctx: NgoContext,
  ) => {
    const amountNok = checkAmountNok(input.amountNok, 'input.amountNok', MAX_GRANT_NOK);
    const organisationId = checkUuid(input.organisationId, 'input.organisationId');
    // Unknown organisations are left to the store's NOT_FOUND.
    const organisation = await organisationById(ctx.db, organisationId);
    if (organisation) requireOwnOrganisation(ctx.viewer, organisation.name);
    return recordGrant(ctx.db, {
      idempotencyKey: checkIdempotencyKey(input.idempotencyKey),
      organisationId,
      year: checkYear(input.year, 'input.year'),
      amountNok,
      grantor: checkText(input.grantor, 'input.grantor'),
    });
  },

  ngoRecordConsent: async (
    _: unknown,
    { input }: { input: { idempotencyKey: string; clientId: string; agency: string; purpose: string; givenAt?: Date | null } },
    ctx: NgoContext,
  ) => {
    await requireOwnClient(ctx, input.clientId);
    return aboutClient(
      ctx,
      recordConsent(ctx.db, {
        idempotencyKey: checkIdempotencyKey(input.idempotencyKey),
        clientId: checkUuid(input.clientId, 'input.clientId'),
        agency: input.agency,
        purpose: checkText(input.purpose, 'input.purpose', 500),
        givenAt: checkEventTime(input.givenAt, 'input.givenAt', ctx.now()),
      }),
    );
  },

  ngoWithdrawConsent: async (_: unknown, { input }: { input: { consentId: string; withdrawnAt?: Date | null } }, ctx: NgoContext) => {
    const consentId = checkUuid(input.consentId, 'input.consentId');
    // Not before the consent was given: the store checks that against the stored time.
    const withdrawnAt = checkEventTime(input.withdrawnAt, 'input.withdrawnAt', ctx.now());
    // Only the organisation that recorded a consent may withdraw it; to anyone else it is as unknown as a consent that does not exist.
    const owner = await organisationOfConsent(ctx.db, consentId);
    if (owner) requireOwnRecord(ctx.viewer, owner, noConsent);
    return aboutClient(ctx, withdrawConsent(ctx.db, { consentId, withdrawnAt: withdrawnAt ?? new Date() }));
  },
};

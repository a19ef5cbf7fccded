import {
  aboutVictimOf,
  checkAmountNok,
  checkDateOrder,
  checkEventDate,
  checkIdempotencyKey,
  checkOptionalEventDate,
  checkUuid,
  badInput,
  MAX_COMPENSATION_NOK,
  onBehalfOf,
  registerPotentialVictim,
  todayOf,
} from '@nrm-hub/kit';
import type { PoliceContext } from '../context.ts';
import type { MutationPoliceRegisterPotentialVictimArgs } from '../generated/resolvers-types.ts';
import { addCaseRole, investigationById, openInvestigation, recordCompensation, recordCustodyStay, updateInvestigation } from '../data/investigation-store.ts';
import { insertPerson, personsWithRecords, personById } from '../data/person-store.ts';
import { caseRoles } from '../db/schema.ts';
import { personIdsInInvestigation, syncOpenCaseRoles } from '../data/safeguards-store.ts';

/** Safeguards: after a case write, the NRM learns each affected victim's open-case roles (victim id and role only), in the same transaction. */
const tellNrm = (ctx: PoliceContext) => async (tx: PoliceContext['db'], investigationId: string) =>
  syncOpenCaseRoles(tx, ctx.nrm, onBehalfOf(ctx.viewer), await personIdsInInvestigation(tx, investigationId));

type RegisterInput = MutationPoliceRegisterPotentialVictimArgs['input'];

function checkText(value: string, field: string, max = 200): string {
  const v = value.trim();
  if (!v || v.length > max) throw badInput(field, `must be 1 to ${max} characters`);
  return v;
}

/** What a write returns about a person, logged under the person's victim (`aboutVictimOf`). */
const aboutPerson = <T extends { personId: string }>(ctx: PoliceContext, written: Promise<T>) =>
  aboutVictimOf(written, async (row) => (await personById(ctx.db, row.personId))?.victimId);

export const Mutation = {
  async policeRegisterPotentialVictim(_: unknown, { input }: { input: RegisterInput }, ctx: PoliceContext) {
    const investigationId = input.investigationId ? checkUuid(input.investigationId, 'input.investigationId') : null;
    if (investigationId && !(await investigationById(ctx.db, investigationId))) {
      throw badInput('input.investigationId', 'no such investigation');
    }
    const { recordId, outcome } = await registerPotentialVictim({
      db: ctx.db,
      agency: 'POLICE',
      nrm: ctx.nrm,
      linkageSecret: ctx.linkageSecret,
      onBehalf: onBehalfOf(ctx.viewer),
      idempotencyKey: input.idempotencyKey,
      person: input.person,
      decision: input.decision,
      extra: { investigationId, role: investigationId ? (input.role ?? 'VICTIM') : null },
      insertRecord: async (tx, id, victimId, person, extra) => {
        await insertPerson(tx, id, victimId, person, input.decision);
        if (extra.investigationId) {
          await tx.insert(caseRoles).values({ personId: id, investigationId: extra.investigationId, role: extra.role ?? 'VICTIM' });
          await syncOpenCaseRoles(tx, ctx.nrm, onBehalfOf(ctx.viewer), [id]);
        }
      },
    });
    const [person] = await personsWithRecords(ctx.db, { ids: [recordId] });
    return { outcome, person };
  },

  policeOpenInvestigation: (
    _: unknown,
    { input }: { input: { reference: string; policeDistrict: string; offence: string; openedAt: string } },
    ctx: PoliceContext,
  ) =>
    openInvestigation(ctx.db, {
      ...input,
      reference: checkText(input.reference, 'input.reference', 60),
      policeDistrict: checkText(input.policeDistrict, 'input.policeDistrict'),
      openedAt: checkEventDate(input.openedAt, 'input.openedAt', todayOf(ctx.now)),
    }),

  policeUpdateInvestigation: (
    _: unknown,
    { input }: { input: { investigationId: string; status: string; prosecutedAs?: string | null; convictedAt?: string | null } },
    ctx: PoliceContext,
  ) =>
    updateInvestigation(
      ctx.db,
      {
        ...input,
        investigationId: checkUuid(input.investigationId, 'input.investigationId'),
        // Not before the investigation was opened: the store checks that against the stored day.
        convictedAt: checkOptionalEventDate(input.convictedAt, 'input.convictedAt', todayOf(ctx.now)),
      },
      tellNrm(ctx),
    ),

  policeAddCaseRole: (_: unknown, { input }: { input: { personId: string; investigationId: string; role: string } }, ctx: PoliceContext) =>
    aboutPerson(
      ctx,
      addCaseRole(
        ctx.db,
        {
          personId: checkUuid(input.personId, 'input.personId'),
          investigationId: checkUuid(input.investigationId, 'input.investigationId'),
          role: input.role,
        },
        tellNrm(ctx),
      ),
    ),

  policeRecordCustodyStay: (
    _: unknown,
    { input }: { input: { idempotencyKey: string; personId: string; kind: string; facility: string; startedAt: string; endedAt?: string | null } },
    ctx: PoliceContext,
  ) => {
    const today = todayOf(ctx.now);
    const startedAt = checkEventDate(input.startedAt, 'input.startedAt', today);
    const endedAt = checkOptionalEventDate(input.endedAt, 'input.endedAt', today);
    checkDateOrder(startedAt, endedAt, 'input.endedAt', 'startedAt');
    return aboutPerson(
      ctx,
      recordCustodyStay(ctx.db, {
        ...input,
        startedAt,
        endedAt,
        idempotencyKey: checkIdempotencyKey(input.idempotencyKey),
        personId: checkUuid(input.personId, 'input.personId'),
        facility: checkText(input.facility, 'input.facility'),
      }),
    );
  },

  policeRecordCompensation: (
    _: unknown,
    { input }: { input: { idempotencyKey: string; personId: string; investigationId: string; amountNok: number; orderedAt: string; paidAt?: string | null } },
    ctx: PoliceContext,
  ) => {
    const amountNok = checkAmountNok(input.amountNok, 'input.amountNok', MAX_COMPENSATION_NOK);
    const today = todayOf(ctx.now);
    const orderedAt = checkEventDate(input.orderedAt, 'input.orderedAt', today);
    const paidAt = checkOptionalEventDate(input.paidAt, 'input.paidAt', today);
    checkDateOrder(orderedAt, paidAt, 'input.paidAt', 'orderedAt');
    return aboutPerson(
      ctx,
      recordCompensation(ctx.db, {
        ...input,
        amountNok,
        orderedAt,
        paidAt,
        idempotencyKey: checkIdempotencyKey(input.idempotencyKey),
        personId: checkUuid(input.personId, 'input.personId'),
        investigationId: checkUuid(input.investigationId, 'input.investigationId'),
      }),
    );
  },
};

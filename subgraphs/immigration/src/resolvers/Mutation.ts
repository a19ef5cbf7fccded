import {
  aboutVictims,
  addMonths,
  badInput,
  checkEventDate,
  checkIdempotencyKey,
  checkPlannedDate,
  checkUuid,
  registerPotentialVictim,
  onBehalfOf,
  todayOf,
} from '@nrm-hub/kit';
import type { ImmigrationContext } from '../context.ts';
import type { MutationImmigrationRegisterPotentialVictimArgs } from '../generated/resolvers-types.ts';
import { applicantById, applicantsWithRecords, insertApplicant } from '../data/applicant-store.ts';
import { grantReflectionPeriod, grantResidencePermit, LIMITED_PERMIT_MAX_MONTHS, planReturn, recordAsylumDecision } from '../data/decision-store.ts';

type RegisterInput = MutationImmigrationRegisterPotentialVictimArgs['input'];

/** A record written for an applicant, marked as about the applicant's victim: reading what the write returns is logged under them. */
async function aboutApplicant<T extends { applicantId: string }>(ctx: ImmigrationContext, written: Promise<T>): Promise<T> {
  const row = await written;
  return aboutVictims(row, [(await applicantById(ctx.db, row.applicantId))?.victimId]);
}

export const Mutation = {
  async immigrationRegisterPotentialVictim(_: unknown, { input }: { input: RegisterInput }, ctx: ImmigrationContext) {
    const { recordId, outcome } = await registerPotentialVictim({
      db: ctx.db,
      agency: 'IMMIGRATION',
      nrm: ctx.nrm,
      linkageSecret: ctx.linkageSecret,
      onBehalf: onBehalfOf(ctx.viewer),
      idempotencyKey: input.idempotencyKey,
      person: input.person,
      decision: input.decision,
      extra: {},
      insertRecord: (tx, id, victimId, person) => insertApplicant(tx, id, victimId, person, input.decision),
    });
    const [applicant] = await applicantsWithRecords(ctx.db, { ids: [recordId] });
    return { outcome, applicant };
  },

  immigrationGrantReflectionPeriod: (
    _: unknown,
    { input }: { input: { idempotencyKey: string; applicantId: string; grantedAt: string } },
    ctx: ImmigrationContext,
  ) =>
    aboutApplicant(
      ctx,
      grantReflectionPeriod(ctx.db, {
        ...input,
        idempotencyKey: checkIdempotencyKey(input.idempotencyKey),
        applicantId: checkUuid(input.applicantId, 'input.applicantId'),
        grantedAt: checkEventDate(input.grantedAt, 'input.grantedAt', todayOf(ctx.now)),
      }),
    ),

  immigrationGrantResidencePermit: (
    _: unknown,
    { input }: { input: { idempotencyKey: string; applicantId: string; kind: string; grantedAt: string; validUntil: string } },
    ctx: ImmigrationContext,
  ) => {
    const idempotencyKey = checkIdempotencyKey(input.idempotencyKey);
    const applicantId = checkUuid(input.applicantId, 'input.applicantId');
    const today = todayOf(ctx.now);
    checkEventDate(input.grantedAt, 'input.grantedAt', today);
    // A permit's end lies ahead: a planned date, within the horizon.
    checkPlannedDate(input.validUntil, 'input.validUntil', today);
    if (input.validUntil <= input.grantedAt) throw badInput('input.validUntil', 'must be after grantedAt');
    if (input.kind === 'LIMITED_TRAFFICKING' && input.validUntil > addMonths(input.grantedAt, LIMITED_PERMIT_MAX_MONTHS)) {
      throw badInput('input.validUntil', `a limited permit runs at most ${LIMITED_PERMIT_MAX_MONTHS} months at a time`);
    }
    return aboutApplicant(ctx, grantResidencePermit(ctx.db, { ...input, idempotencyKey, applicantId }));
  },

  immigrationRecordAsylumDecision: (
    _: unknown,
    { input }: { input: { idempotencyKey: string; applicantId: string; outcome: string; decidedAt: string } },
    ctx: ImmigrationContext,
  ) =>
    aboutApplicant(
      ctx,
      recordAsylumDecision(ctx.db, {
        ...input,
        idempotencyKey: checkIdempotencyKey(input.idempotencyKey),
        applicantId: checkUuid(input.applicantId, 'input.applicantId'),
        decidedAt: checkEventDate(input.decidedAt, 'input.decidedAt', todayOf(ctx.now)),
      }),
    ),

  immigrationPlanReturn: (
    _: unknown,
    { input }: { input: { idempotencyKey: string; applicantId: string; departureDate: string; screened?: boolean | null } },
    ctx: ImmigrationContext,
  ) =>
    aboutApplicant(
      ctx,
      planReturn(ctx.db, {
        ...input,
        // Screening before return is the NRM check (immigrationCheckReturn), never a typed-in flag.
        screened: false,
        idempotencyKey: checkIdempotencyKey(input.idempotencyKey),
        applicantId: checkUuid(input.applicantId, 'input.applicantId'),
        // A departure is planned: it may lie ahead, within the horizon.
        departureDate: checkPlannedDate(input.departureDate, 'input.departureDate', todayOf(ctx.now)),
      }),
    ),
};

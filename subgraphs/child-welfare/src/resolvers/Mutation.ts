import {
  aboutVictimOf,
  addMonths,
  badInput,
  checkDateOrder,
  checkEventDate,
  checkIdempotencyKey,
  checkPlannedDate,
  checkUuid,
  registerPotentialVictim,
  onBehalfOf,
  todayOf,
} from '@nrm-hub/kit';
import type { ChildWelfareContext } from '../context.ts';
import { checkChildAge } from '../rules/child-age.ts';
import type { MutationChildWelfareRegisterPotentialVictimArgs } from '../generated/resolvers-types.ts';
import { assessAge, casesWithRecords, insertCase, type CaseDetails, caseById } from '../data/case-store.ts';
import { endPlacement, recordMeasure, startPlacement } from '../data/placement-store.ts';

type RegisterInput = MutationChildWelfareRegisterPotentialVictimArgs['input'];

/** Longest a placement may be planned for, in calendar months. */
const MAX_PLACEMENT_MONTHS = 6;

function checkText(value: string, field: string, max = 200): string {
  const v = value.replace(/\s+/g, ' ').trim();
  if (!v || v.length > max) throw badInput(field, `must be 1 to ${max} characters`);
  return v;
}

/** What a write returns about a child's case, logged under the child's victim (`aboutVictimOf`). */
const aboutCase = <T extends { caseId: string }>(ctx: ChildWelfareContext, written: Promise<T>) =>
  aboutVictimOf(written, async (row) => (await caseById(ctx.db, row.caseId))?.victimId);

export const Mutation = {
  async childWelfareRegisterPotentialVictim(_: unknown, { input }: { input: RegisterInput }, ctx: ChildWelfareContext) {
    const details: CaseDetails = {
      municipality: checkText(input.municipality, 'input.municipality', 100),
      ageAssessment: input.ageAssessment,
      unaccompanied: input.unaccompanied,
      guardianName: input.guardianName == null ? null : checkText(input.guardianName, 'input.guardianName'),
    };
    checkChildAge(input.person, input.ageAssessment, input.decision.decidedOn);
    const { recordId, outcome } = await registerPotentialVictim({
      db: ctx.db,
      agency: 'CHILD_WELFARE',
      nrm: ctx.nrm,
      linkageSecret: ctx.linkageSecret,
      onBehalf: onBehalfOf(ctx.viewer),
      idempotencyKey: input.idempotencyKey,
      person: input.person,
      decision: input.decision,
      extra: details,
      insertRecord: (tx, id, victimId, person, extra) => insertCase(tx, id, victimId, person, input.decision, extra),
    });
    const [childCase] = await casesWithRecords(ctx.db, { ids: [recordId] });
    return { outcome, childCase };
  },

  childWelfareStartPlacement: (
    _: unknown,
    { input }: { input: { idempotencyKey: string; caseId: string; kind: string; startedAt: string; plannedEndAt: string } },
    ctx: ChildWelfareContext,
  ) => {
    const today = todayOf(ctx.now);
    checkEventDate(input.startedAt, 'input.startedAt', today);
    checkPlannedDate(input.plannedEndAt, 'input.plannedEndAt', today);
    checkDateOrder(input.startedAt, input.plannedEndAt, 'input.plannedEndAt', 'startedAt');
    if (input.plannedEndAt > addMonths(input.startedAt, MAX_PLACEMENT_MONTHS)) {
      throw badInput('input.plannedEndAt', `must be at most ${MAX_PLACEMENT_MONTHS} months after startedAt`);
    }
    return aboutCase(
      ctx,
      startPlacement(ctx.db, {
        ...input,
        idempotencyKey: checkIdempotencyKey(input.idempotencyKey),
        caseId: checkUuid(input.caseId, 'input.caseId'),
      }),
    );
  },

  // Not before the placement started: the store checks that against the stored day.
  childWelfareEndPlacement: (_: unknown, { input }: { input: { placementId: string; endedAt: string } }, ctx: ChildWelfareContext) =>
    aboutCase(
      ctx,
      endPlacement(ctx.db, {
        placementId: checkUuid(input.placementId, 'input.placementId'),
        endedAt: checkEventDate(input.endedAt, 'input.endedAt', todayOf(ctx.now)),
      }),
    ),

  childWelfareRecordMeasure: (
    _: unknown,
    { input }: { input: { idempotencyKey: string; caseId: string; kind: string; takenAt: string } },
    ctx: ChildWelfareContext,
  ) =>
    aboutCase(
      ctx,
      recordMeasure(ctx.db, {
        ...input,
        idempotencyKey: checkIdempotencyKey(input.idempotencyKey),
        caseId: checkUuid(input.caseId, 'input.caseId'),
        takenAt: checkEventDate(input.takenAt, 'input.takenAt', todayOf(ctx.now)),
      }),
    ),

  childWelfareAssessAge: (_: unknown, { input }: { input: { caseId: string; ageAssessment: string } }, ctx: ChildWelfareContext) =>
    assessAge(ctx.db, { caseId: checkUuid(input.caseId, 'input.caseId'), ageAssessment: input.ageAssessment }),
};

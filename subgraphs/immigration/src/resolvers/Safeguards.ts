import {
  aboutVictims,
  addDays,
  badInput,
  checkScreeningInput,
  checkUuid,
  hubError,
  onBehalfOf,
  screeningView,
  todayOf,
  victimIdsOf,
  type ScreeningInput,
  type VictimReference,
} from '@nrm-hub/kit';
import type { ImmigrationContext } from '../context.ts';
import type { ApplicantWithRecords } from '../data/applicant-store.ts';
import { applicantsWithRecords } from '../data/applicant-store.ts';
import {
  checkReturnWithNrm,
  executeReturn,
  immigrationDeadlines,
  proceedingsWithChecks,
  recordImmigrationScreening,
  type DeadlineRow,
} from '../data/safeguards-store.ts';
import { OVERRIDE_MIN_LENGTH, returnCheckStatus } from '../rules/return-check.ts';

type Proceeding = Awaited<ReturnType<typeof proceedingsWithChecks>>[number];
type ApplicantProceeding = ApplicantWithRecords['returnProceedings'][number];

function subjectOf(ctx: ImmigrationContext): string {
  if (!ctx.viewer) throw hubError('UNAUTHENTICATED', 'Authentication required: send a valid bearer token.');
  return ctx.viewer.subject;
}

function checkDays(days: number): number {
  if (!Number.isInteger(days) || days < 0 || days > 366) throw badInput('withinDays', 'must be between 0 and 366');
  return days;
}

/** Deadlines with the days left from the context's day. */
function withDaysLeft(rows: DeadlineRow[], today: string) {
  return rows.map((r) => ({ ...r, daysLeft: Math.round((Date.parse(r.dueOn) - Date.parse(today)) / 86_400_000) }));
}

/** Proceedings marked as about their applicant's victim: every read of them, even of `id` alone, is logged under that victim. */
const aboutTheirVictims = (proceedings: Proceeding[]) => proceedings.map((p) => aboutVictims(p, [p.applicant.victimId]));

async function proceedingById(ctx: ImmigrationContext, id: string): Promise<Proceeding> {
  const [p] = aboutTheirVictims(await proceedingsWithChecks(ctx.db, { ids: [id] }));
  return p!;
}

/** A proceeding with its checks, override and applicant, loading them when the parent came without (e.g. from `immigrationPlanReturn`). */
type AnyProceeding = Proceeding | ApplicantProceeding | { id: string };
const full = async (p: AnyProceeding, ctx: ImmigrationContext): Promise<Proceeding> => ('applicant' in p && 'checks' in p ? p : proceedingById(ctx, p.id));

export const ReturnProceeding = {
  applicantId: async (p: AnyProceeding, _: unknown, ctx: ImmigrationContext) => (await full(p, ctx)).applicantId,
  victimId: async (p: AnyProceeding, _: unknown, ctx: ImmigrationContext) => (await full(p, ctx)).applicant.victimId ?? null,
  checkStatus: async (p: AnyProceeding, _: unknown, ctx: ImmigrationContext) => returnCheckStatus((await full(p, ctx)).checks),
  checks: async (p: AnyProceeding, _: unknown, ctx: ImmigrationContext) =>
    (await full(p, ctx)).checks.map((c) => ({ ...c, alert: c.alertId ? { id: c.alertId } : null })),
  override: async (p: AnyProceeding, _: unknown, ctx: ImmigrationContext) => (await full(p, ctx)).override ?? null,
};

export const Applicant = {
  screenings: (a: ApplicantWithRecords) => a.screenings.map((s) => screeningView(s, a)),
};

export const SafeguardsVictim = {
  /** Under the victim's id and every id merged into it; a list of victims costs one statement per window. */
  immigrationDeadlines: async (victim: VictimReference, args: { withinDays: number }, ctx: ImmigrationContext) => {
    const days = checkDays(args.withinDays);
    const lists = await ctx.loaders.deadlines.loadMany(victimIdsOf(victim).map((id) => ({ days, id })));
    const rows = lists.flatMap((l) => {
      if (l instanceof Error) throw l;
      return l;
    });
    return withDaysLeft(
      rows.sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.recordId.localeCompare(b.recordId)),
      todayOf(ctx.now),
    );
  },
};

export const SafeguardsQuery = {
  upcomingReturns: async (_: unknown, args: { withinDays: number }, ctx: ImmigrationContext) => {
    const today = todayOf(ctx.now);
    return aboutTheirVictims(await proceedingsWithChecks(ctx.db, { from: today, to: addDays(today, checkDays(args.withinDays)) }));
  },
  immigrationDeadlines: async (_: unknown, args: { withinDays: number }, ctx: ImmigrationContext) => {
    const today = todayOf(ctx.now);
    return withDaysLeft(await immigrationDeadlines(ctx.db, today, addDays(today, checkDays(args.withinDays))), today);
  },
};

export const SafeguardsMutation = {
  immigrationRecordScreening: async (_: unknown, { input }: { input: ScreeningInput }, ctx: ImmigrationContext) => {
    const row = await recordImmigrationScreening(ctx.db, checkScreeningInput(input, todayOf(ctx.now)), subjectOf(ctx));
    const [applicant] = await applicantsWithRecords(ctx.db, { ids: [row.subjectId] });
    return screeningView(row, applicant!);
  },
  immigrationCheckReturn: async (_: unknown, { input }: { input: { returnId: string } }, ctx: ImmigrationContext) => {
    const returnId = checkUuid(input.returnId, 'input.returnId');
    await checkReturnWithNrm(ctx.db, { returnId, by: subjectOf(ctx), nrm: ctx.nrm, onBehalf: onBehalfOf(ctx.viewer), linkageSecret: ctx.linkageSecret });
    return proceedingById(ctx, returnId);
  },
  immigrationExecuteReturn: async (_: unknown, { input }: { input: { returnId: string; overrideReason?: string | null } }, ctx: ImmigrationContext) => {
    const returnId = checkUuid(input.returnId, 'input.returnId');
    const overrideReason = input.overrideReason?.trim() || null;
    if (overrideReason !== null && (overrideReason.length < OVERRIDE_MIN_LENGTH || overrideReason.length > 2000)) {
      throw badInput('input.overrideReason', `must be ${OVERRIDE_MIN_LENGTH} to 2000 characters: a reason, not a tick box`);
    }
    await executeReturn(ctx.db, {
      returnId,
      by: subjectOf(ctx),
      overrideReason,
      nrm: ctx.nrm,
      onBehalf: onBehalfOf(ctx.viewer),
      linkageSecret: ctx.linkageSecret,
    });
    return proceedingById(ctx, returnId);
  },
};

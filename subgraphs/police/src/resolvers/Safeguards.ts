import { aboutVictims, badInput, checkScreeningInput, hubError, onBehalfOf, screeningView, todayOf, type ScreeningInput } from '@nrm-hub/kit';
import type { PoliceContext } from '../context.ts';
import { personsWithRecords, type PersonWithRecords } from '../data/person-store.ts';
import { personsInCustodyOn, personsWithClassificationMismatch, recordPoliceScreening } from '../data/safeguards-store.ts';
import { classificationMismatch, nonPunishmentReasons, stayOngoing, VICTIM_RIGHTS } from '../rules/safeguards.ts';

/** The caller's token subject: who recorded a screening. */
function subjectOf(ctx: PoliceContext): string {
  if (!ctx.viewer) throw hubError('UNAUTHENTICATED', 'Authentication required: send a valid bearer token.');
  return ctx.viewer.subject;
}

/** The non-punishment flag of a person on the context's day, or null. */
function flagOf(person: PersonWithRecords, ctx: PoliceContext) {
  const day = todayOf(ctx.now);
  const reasons = nonPunishmentReasons(person, day);
  if (!reasons) return null;
  const stay = person.custodyStays.find((s) => stayOngoing(s, day))!;
  const views = person.screenings.map((s) => screeningView(s, person));
  // About the person's victim: a read of the flag alone (`stay`, `reasons`) is logged under them too.
  return aboutVictims(
    {
      person,
      victim: person.victimId ? { id: person.victimId } : null,
      stay,
      reasons,
      registrationOffered: views.some((v) => v.registration.offered),
    },
    [person.victimId],
  );
}

/** A person's cases classified as another offence than trafficking (the rule in `classificationMismatch`). */
function mismatchesOf(person: PersonWithRecords) {
  return person.caseRoles.flatMap((r) => {
    const mismatch = classificationMismatch(person, r.role, r.investigation);
    return mismatch ? [{ investigation: r.investigation, ...mismatch, rightsKept: [...VICTIM_RIGHTS] }] : [];
  });
}

export const PolicePerson = {
  screenings: (person: PersonWithRecords) => person.screenings.map((s) => screeningView(s, person)),
  classificationMismatches: (person: PersonWithRecords) => mismatchesOf(person),
  nonPunishment: (person: PersonWithRecords, _: unknown, ctx: PoliceContext) => flagOf(person, ctx),
};

export const SafeguardsQuery = {
  nonPunishmentFlags: async (_: unknown, __: unknown, ctx: PoliceContext) =>
    (await personsInCustodyOn(ctx.db, todayOf(ctx.now))).map((p) => flagOf(p, ctx)).filter((f) => f !== null),
  classificationMismatchFlags: async (_: unknown, { first }: { first: number }, ctx: PoliceContext) => {
    if (first < 1 || first > 500) throw badInput('first', 'must be between 1 and 500');
    return (await personsWithClassificationMismatch(ctx.db, first)).flatMap((person) =>
      mismatchesOf(person).map((mismatch) => aboutVictims({ person, victim: { id: person.victimId! }, mismatch }, [person.victimId])),
    );
  },
};

export const SafeguardsMutation = {
  policeRecordScreening: async (_: unknown, { input }: { input: ScreeningInput }, ctx: PoliceContext) => {
    const screenedBy = subjectOf(ctx);
    const row = await recordPoliceScreening(ctx.db, checkScreeningInput(input, todayOf(ctx.now)), screenedBy);
    const [person] = await personsWithRecords(ctx.db, { ids: [row.subjectId] });
    return screeningView(row, person!);
  },
};

/** Headers for the NRM calls made while handling the request. */
export const nrmHeaders = (ctx: PoliceContext) => onBehalfOf(ctx.viewer);

import { unauthenticated } from '@nrm-hub/kit/auth';
import {
  aboutVictims,
  badInput,
  checkCountryCode,
  checkEventDate,
  checkIdempotencyKey,
  checkUuid,
  CLK_BITS,
  clkFromBase64,
  popcount,
  hubError,
  registeringAgency,
} from '@nrm-hub/kit';
import type { NrmContext } from '../context.ts';
import { decideLinkReview } from '../data/link-review-store.ts';
import { mergeVictims, splitVictim } from '../data/merge-store.ts';
import { register, withdrawRegistration, type DecodedRegistration } from '../data/registration-store.ts';
import { sendReferral, updateReferralState } from '../data/referral-store.ts';
import { checkReferralMove, maySeeReferral } from '../rules/access.ts';

const HASH_RE = /^[0-9a-f]{64}$/;
/** A CLK with more bits set than this matches too much to be an encoding of one person. */
const MAX_CLK_FILL = 0.75;

/** The SDL's `NrmRegistrationInput` as received: the CLK still base64 (`DecodedRegistration` once checked). */
type NrmRegistrationInput = Omit<DecodedRegistration, 'clk'> & { clk: string };

function checkRegistration(input: NrmRegistrationInput): DecodedRegistration {
  checkUuid(input.agencyRecordId, 'input.agencyRecordId');
  // The decision day places the person in a statistics year: a day that never was would make one up. Checked on
  // the wall clock, like the agencies' own check and default (the day of registering), not the injectable clock.
  checkEventDate(input.decidedOn, 'input.decidedOn');
  checkIdempotencyKey(input.idempotencyKey);
  // Only keyed hashes are accepted: a plain identity number must never land here.
  input.identifierHashes.forEach((h, i) => {
    if (!HASH_RE.test(h)) throw badInput(`input.identifierHashes[${i}]`, 'must be a 64-character lower-case hex HMAC');
  });
  if (input.identifierHashes.length > 20) throw badInput('input.identifierHashes', 'at most 20 hashes');
  const clk = clkFromBase64(input.clk);
  const bits = clk ? popcount(clk) : 0;
  if (!clk || bits === 0 || bits > CLK_BITS * MAX_CLK_FILL) {
    throw badInput('input.clk', `must be the base64 of a ${CLK_BITS}-bit Bloom filter with 1 to ${CLK_BITS * MAX_CLK_FILL} bits set`);
  }
  input.citizenships.forEach((c, i) => {
    const p = checkCountryCode(c);
    if (p) throw badInput(`input.citizenships[${i}]`, p);
  });
  const year = new Date().getUTCFullYear();
  if (input.birthYear != null && (input.birthYear < 1900 || input.birthYear > year)) {
    throw badInput('input.birthYear', `must be between 1900 and ${year}`);
  }
  return { ...input, clk };
}

/**
 * Who decided a review, merge or split: always the verified caller (the
 * token's subject), never a name the client sends, so the record cannot be
 * put in someone else's name.
 */
function decider(ctx: NrmContext): string {
  if (!ctx.viewer) throw unauthenticated();
  return ctx.viewer.subject;
}

/**
 * Service mutations take only an agency subgraph's service credential (the
 * scope says so too; this holds even if a directive were lost), and act only
 * in that agency's name.
 */
function requireAgencyService(ctx: NrmContext, agency: string): void {
  if (!ctx.viewer) throw unauthenticated();
  if (!ctx.viewer.service) throw hubError('FORBIDDEN', "Only an agency subgraph's service credential may call this; end-user tokens may not.");
  if (registeringAgency(ctx.viewer) !== agency) throw hubError('FORBIDDEN', 'An agency may only register potential victims in its own name.');
}

export const Mutation = {
  registerPotentialVictim: async (_: unknown, args: { input: NrmRegistrationInput }, ctx: NrmContext) => {
    requireAgencyService(ctx, args.input.agency);
    const answer = await register(ctx.db, { ...checkRegistration(args.input), registeredBy: ctx.viewer!.agency });
    if (!answer.replayed) ctx.maintenance.registered();
    return { ...answer, underReview: answer.reviewId !== null };
  },
  sendReferral: (_: unknown, args: { input: { victimId: string; fromAgency: string; target: string; idempotencyKey: string } }, ctx: NrmContext) => {
    checkIdempotencyKey(args.input.idempotencyKey);
    // Agencies refer in their own name; the coordinating unit refers for any of them.
    const own = registeringAgency(ctx.viewer);
    if (own !== null && own !== args.input.fromAgency) throw hubError('FORBIDDEN', 'An agency may only send referrals in its own name.');
    if (!ctx.viewer) throw unauthenticated();
    return sendReferral(ctx.db, { ...args.input, victimId: checkUuid(args.input.victimId, 'input.victimId'), sentBy: ctx.viewer.agency });
  },
  withdrawRegistration: (_: unknown, args: { agency: string; idempotencyKey: string }, ctx: NrmContext) => {
    requireAgencyService(ctx, args.agency);
    return withdrawRegistration(ctx.db, args.agency, checkIdempotencyKey(args.idempotencyKey, 'idempotencyKey'));
  },
  updateReferralState: (_: unknown, args: { input: { referralId: string; state: string } }, ctx: NrmContext) =>
    updateReferralState(
      ctx.db,
      checkUuid(args.input.referralId, 'input.referralId'),
      args.input.state,
      (current, state) => {
        // A referral the caller may not even see (another NGO's) answers as one that does not exist: no existence oracle.
        if (!maySeeReferral(ctx.viewer, current)) throw hubError('NOT_FOUND', 'No referral with that id.');
        checkReferralMove(ctx.viewer, current, state);
      },
      ctx.viewer?.agency ?? '',
    ),
  confirmLinkReview: (_: unknown, args: { id: string }, ctx: NrmContext) =>
    decideLinkReview(ctx.db, { id: checkUuid(args.id, 'id'), decision: 'CONFIRMED', decidedBy: decider(ctx) }).then((r) =>
      aboutVictims(r, [r.candidateVictimId]),
    ),
  rejectLinkReview: (_: unknown, args: { id: string }, ctx: NrmContext) =>
    decideLinkReview(ctx.db, { id: checkUuid(args.id, 'id'), decision: 'REJECTED', decidedBy: decider(ctx) }).then((r) =>
      aboutVictims(r, [r.candidateVictimId]),
    ),
  mergeVictims: (_: unknown, args: { survivorId: string; mergedId: string }, ctx: NrmContext) =>
    mergeVictims(ctx.db, {
      survivorId: checkUuid(args.survivorId, 'survivorId'),
      mergedId: checkUuid(args.mergedId, 'mergedId'),
      decidedBy: decider(ctx),
    }),
  splitVictim: (_: unknown, args: { victimId: string; registrationIds: string[] }, ctx: NrmContext) => {
    if (args.registrationIds.length > 500) throw badInput('registrationIds', 'at most 500 registrations');
    return splitVictim(ctx.db, {
      victimId: checkUuid(args.victimId, 'victimId'),
      registrationIds: args.registrationIds.map((id, i) => checkUuid(id, `registrationIds[${i}]`)),
      decidedBy: decider(ctx),
    });
  },
};

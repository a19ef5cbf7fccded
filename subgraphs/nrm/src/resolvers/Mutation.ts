import { badInput, checkCountryCode, checkIdempotencyKey, checkUuid } from '@nrm-hub/kit';
import type { NrmContext } from '../context.ts';
import { register, sendReferral, updateReferralState, type RegistrationRequest } from '../data/victim-store.ts';

const HASH_RE = /^[0-9a-f]{64}$/;

function checkRegistration(input: RegistrationRequest): RegistrationRequest {
  checkUuid(input.agencyRecordId, 'input.agencyRecordId');
  checkIdempotencyKey(input.idempotencyKey);
  // Only keyed hashes are accepted: a plain identity number must never land here.
  input.identifierHashes.forEach((h, i) => {
    if (!HASH_RE.test(h)) throw badInput(`input.identifierHashes[${i}]`, 'must be a 64-character lower-case hex HMAC');
  });
  input.citizenships.forEach((c, i) => {
    const p = checkCountryCode(c);
    if (p) throw badInput(`input.citizenships[${i}]`, p);
  });
  const year = new Date().getUTCFullYear();
  if (input.birthYear != null && (input.birthYear < 1900 || input.birthYear > year)) {
    throw badInput('input.birthYear', `must be between 1900 and ${year}`);
  }
  return input;
}

export const Mutation = {
  registerPotentialVictim: (_: unknown, args: { input: RegistrationRequest }, ctx: NrmContext) =>
    register(ctx.db, checkRegistration(args.input)),
  sendReferral: (
    _: unknown,
    args: { input: { victimId: string; fromAgency: string; target: string; idempotencyKey: string } },
    ctx: NrmContext,
  ) => {
    checkIdempotencyKey(args.input.idempotencyKey);
    return sendReferral(ctx.db, { ...args.input, victimId: checkUuid(args.input.victimId, 'input.victimId') });
  },
  updateReferralState: (_: unknown, args: { input: { referralId: string; state: string } }, ctx: NrmContext) =>
    updateReferralState(ctx.db, checkUuid(args.input.referralId, 'input.referralId'), args.input.state),
};

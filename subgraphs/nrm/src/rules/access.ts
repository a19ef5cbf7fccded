import { GraphQLError } from 'graphql';
import { registeringAgency, type AgencyCode, type Viewer } from '@nrm-hub/kit';

/**
 * Who may act on the NRM's records beyond what the schema's scopes say:
 * referral moves by sending and receiving agency, and which registrations a
 * caller may see. Pure functions; the resolvers apply them.
 */

/** The party a viewer acts as in a referral. */
export type ReferralParty = AgencyCode | 'COORDINATING_UNIT';

/** The viewer's party, or null for agencies that take no part in referrals. */
export function referralParty(viewer: Viewer | null): ReferralParty | null {
  return viewer?.agencyKind === 'coordinating-unit' ? 'COORDINATING_UNIT' : registeringAgency(viewer);
}

/**
 * The agency that answers a referral to `target`. Legal aid and health care
 * have no subgraph in the hub: the coordinating unit records their answers.
 */
export const REFERRAL_RECEIVER: Record<string, ReferralParty> = {
  NGO_SHELTER: 'NGO',
  CHILD_WELFARE: 'CHILD_WELFARE',
  IMMIGRATION_REFLECTION_PERIOD: 'IMMIGRATION',
  POLICE: 'POLICE',
  LEGAL_AID: 'COORDINATING_UNIT',
  HEALTH: 'COORDINATING_UNIT',
};

/**
 * Whether the viewer is the party's own member: NGO staff act only for their own organisation, so an NGO side is the
 * organisation recorded on the referral (`sentBy` for the sender, `answeredBy` for a receiver that answered). A
 * referral with no sender on record has no NGO sender anyone may act for; one not answered yet has no receiver
 * to match (and cannot be completed: that is the state machine's `INVALID_STATE`). Other parties are one agency each.
 */
function sameMember(viewer: Viewer | null, party: ReferralParty | null, recorded: string | null | undefined, unrecorded: boolean): boolean {
  if (party !== 'NGO') return true;
  if (recorded === null || recorded === undefined) return unrecorded;
  return viewer !== null && viewer.agency === recorded;
}

/**
 * Throws `FORBIDDEN` unless the viewer may move the referral to `state`:
 * only the receiving agency accepts or declines; only the sender or the
 * receiver completes. Where that party is an NGO, only the organisation that
 * sent the referral completes it as the sender, and only the one that
 * answered it completes it as the receiver (any NGO may answer a referral to
 * an NGO shelter first).
 */
export function checkReferralMove(
  viewer: Viewer | null,
  referral: { fromAgency: string; target: string; sentBy?: string | null; answeredBy?: string | null },
  state: string,
): void {
  const party = referralParty(viewer);
  const receiver = REFERRAL_RECEIVER[referral.target];
  const asReceiver = party !== null && party === receiver;
  const asSender = party !== null && party === referral.fromAgency && sameMember(viewer, party, referral.sentBy, false);
  const allowed = state === 'COMPLETED' ? (asReceiver && sameMember(viewer, party, referral.answeredBy, true)) || asSender : asReceiver;
  if (!allowed) {
    throw new GraphQLError(
      state === 'COMPLETED'
        ? 'Not permitted: only the sending or the receiving agency may complete this referral.'
        : 'Not permitted: only the receiving agency may accept or decline this referral.',
      { extensions: { code: 'FORBIDDEN' } },
    );
  }
}

/**
 * Whether the viewer may see a registration. An NGO's registration says that
 * the person is that NGO's client, which the client shares only by consent.
 * The NRM holds no consents, so it shows one only to the registering
 * organisation and to the coordinating unit, which runs the registry and
 * decides its link reviews, merges and splits; every other agency (another
 * NGO included) gets it withheld. Consented NGO data reaches them through
 * the NGO's own `assistance` field. Registrations by public authorities share
 * on a legal basis and are seen by every `victim:read` holder.
 */
export function maySeeRegistration(viewer: Viewer | null, registration: { agency: string; registeredBy: string | null }): boolean {
  if (registration.agency !== 'NGO') return true;
  if (viewer?.agencyKind === 'coordinating-unit') return true;
  return viewer !== null && registration.registeredBy !== null && viewer.agency === registration.registeredBy;
}

/** The error in place of a registration the viewer may not see: withheld, never silently dropped. */
export function withheldRegistration(): GraphQLError {
  return new GraphQLError('Withheld: this registration is shared only with the consent of the person it concerns.', {
    extensions: { code: 'FORBIDDEN', reason: 'CONSENT_REQUIRED' },
  });
}

/**
 * Whether the viewer may see a referral. One an NGO sent says that the person is that NGO's client, as its
 * registration does: it is shown to the organisation that sent it, to the party that answers it (who must, to do
 * so) and to the coordinating unit; a referral with no sending organisation on record only to the latter two.
 * Referrals sent by public authorities are seen by every `victim:read` holder.
 */
export function maySeeReferral(viewer: Viewer | null, referral: { fromAgency: string; target: string; sentBy?: string | null }): boolean {
  if (referral.fromAgency !== 'NGO') return true;
  if (viewer === null) return false;
  if (viewer.agencyKind === 'coordinating-unit') return true;
  if (referral.sentBy !== null && referral.sentBy !== undefined && viewer.agency === referral.sentBy) return true;
  return referralParty(viewer) === REFERRAL_RECEIVER[referral.target];
}

/** The error in place of a referral the viewer may not see: withheld, never silently dropped. */
export function withheldReferral(): GraphQLError {
  return new GraphQLError('Withheld: this referral is shared only with the consent of the person it concerns.', {
    extensions: { code: 'FORBIDDEN', reason: 'CONSENT_REQUIRED' },
  });
}

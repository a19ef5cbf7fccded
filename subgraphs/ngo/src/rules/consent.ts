import { GraphQLError } from 'graphql';
import { organisationCode, type AgencyKind, type Viewer } from '@nrm-hub/kit';
import type { ClientWithRecords } from '../data/client-store.ts';

/** The consent agency each kind of viewer acts for; NGO staff see their own organisation's clients instead. */
const CONSENT_AGENCY: Partial<Record<AgencyKind, string>> = {
  police: 'POLICE',
  immigration: 'IMMIGRATION',
  'child-welfare': 'CHILD_WELFARE',
  'coordinating-unit': 'COORDINATING_UNIT',
};

/**
 * Why the viewer may see this client, or null when they may not: `OWN` for
 * staff of the client's organisation, `CONSENT` when the client's consent to
 * the viewer's agency is in force now (given, not withdrawn). Evaluated per
 * request, so a withdrawal takes effect on the next one.
 */
export function shareBasis(client: ClientWithRecords, viewer: Viewer | null, now = new Date()): 'OWN' | 'CONSENT' | null {
  if (!viewer) return null;
  if (viewer.agencyKind === 'ngo') return viewer.agency === `ngo:${organisationCode(client.organisation.name)}` ? 'OWN' : null;
  const agency = CONSENT_AGENCY[viewer.agencyKind];
  if (!agency) return null;
  const inForce = client.consents.some(
    (c) => c.agency === agency && c.givenAt.getTime() <= now.getTime() && (c.withdrawnAt === null || c.withdrawnAt.getTime() > now.getTime()),
  );
  return inForce ? 'CONSENT' : null;
}

/** The error in place of a client record the viewer may not see: withheld, never silently dropped. */
export function withheld(): GraphQLError {
  return new GraphQLError('Withheld: the client has not consented to share this record with your agency.', {
    extensions: { code: 'FORBIDDEN', reason: 'CONSENT_REQUIRED' },
  });
}

/**
 * The answer to `ngoClient(id)` when there is no record the viewer may see: the same for an id that does not exist
 * and for another organisation's client or one withheld for lack of consent, so the query does not tell whether the
 * id exists; still `FORBIDDEN` with `CONSENT_REQUIRED` ("denied is visible"), never a silent null.
 */
export function noVisibleClient(): GraphQLError {
  return new GraphQLError('Withheld: no client record with that id is shared with your agency.', {
    extensions: { code: 'FORBIDDEN', reason: 'CONSENT_REQUIRED' },
  });
}

/**
 * NGO staff act on their own organisation's records only; `notFound` is the error an unknown id gets, thrown for
 * another organisation's record too, so a write does not tell whether an id exists elsewhere.
 */
export function requireOwnRecord(viewer: Viewer | null, organisationName: string, notFound: () => GraphQLError): void {
  if (viewer?.agencyKind === 'ngo' && viewer.agency !== `ngo:${organisationCode(organisationName)}`) throw notFound();
}

/** NGO staff write only for their own organisation; other agencies have no NGO write scope at all. */
export function requireOwnOrganisation(viewer: Viewer | null, organisationName: string): void {
  if (viewer?.agencyKind === 'ngo' && viewer.agency !== `ngo:${organisationCode(organisationName)}`) {
    throw new GraphQLError('Not permitted: NGO staff may only record data for their own organisation.', { extensions: { code: 'FORBIDDEN' } });
  }
}

/**
 * The roles a person can sign in as in development, and the token claims each
 * gets from the development issuer. The agency claim decides what the hub
 * shows (README "Access policy"); `pages` lists the pages the role can use in
 * this version of the app. Pages still to come (statistics, alerts and
 * deadlines, child coordination) are added to `pages` when the API has them.
 */
export interface RoleDefinition {
  key: RoleKey;
  agency: string;
  roles: string[];
  pages: PageKey[];
}

export type PageKey = 'victims' | 'matchReview' | 'dataProtection';

export type RoleKey =
  | 'police-investigator'
  | 'udi-caseworker'
  | 'child-welfare-caseworker'
  | 'ngo-worker'
  | 'coordinating-unit'
  | 'child-coordinating-unit'
  | 'nrm-working-group'
  | 'data-protection';

export const ROLES: readonly RoleDefinition[] = [
  { key: 'police-investigator', agency: 'police', roles: ['investigator'], pages: ['victims'] },
  { key: 'udi-caseworker', agency: 'immigration', roles: ['caseworker'], pages: ['victims'] },
  { key: 'child-welfare-caseworker', agency: 'child-welfare', roles: ['caseworker'], pages: ['victims'] },
  // The demo data's first organisation ('ROSA (demo)' → code rosa-demo).
  { key: 'ngo-worker', agency: 'ngo:rosa-demo', roles: ['worker'], pages: ['victims'] },
  { key: 'coordinating-unit', agency: 'coordinating-unit', roles: ['coordinator'], pages: ['victims', 'matchReview'] },
  // The coordinating unit's child victims team signs in with the coordinating
  // unit's claim (as the safeguards work's README does); its child coordination
  // page comes when the API has it.
  { key: 'child-coordinating-unit', agency: 'coordinating-unit', roles: ['coordinator'], pages: ['victims', 'matchReview'] },
  { key: 'nrm-working-group', agency: 'nrm-working-group', roles: ['analyst'], pages: [] },
  { key: 'data-protection', agency: 'data-protection', roles: ['officer'], pages: ['dataProtection'] },
];

/** The role definition for a key. */
export function roleByKey(key: string): RoleDefinition | undefined {
  return ROLES.find((r) => r.key === key);
}

/** Pages for an agency claim (used for tokens from a real issuer, which name an agency, not a role key). */
export function pagesForAgency(agency: string): PageKey[] {
  const kind = agency.startsWith('ngo:') ? 'ngo' : agency;
  if (kind === 'coordinating-unit') return ['victims', 'matchReview'];
  if (kind === 'data-protection') return ['dataProtection'];
  if (kind === 'nrm-working-group') return [];
  return ['victims'];
}

/** Same rule as the hub's PURPOSE_RE (kit/src/auth/policy.ts). */
export const PURPOSE_RE = /^[A-Za-z0-9][A-Za-z0-9._/-]{2,63}$/;

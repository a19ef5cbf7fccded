/**
 * The roles a person can sign in as in development, and the token claims each
 * gets from the development issuer. The agency claim decides what the hub
 * shows (README "Access policy"); `pages` lists the pages the role can use in
 * this version of the app, as the README's policy table gives the agency:
 * statistics for the statistics scope (coordinating unit, NRM working group),
 * alerts and deadlines for the agencies holding a part of them (police:
 * custody flags and classification mismatches; UDI: return-check alerts,
 * returns and reflection periods; child welfare: placements; the coordinating
 * unit: all), child coordination for the coordinating unit.
 */
export interface RoleDefinition {
  key: RoleKey;
  agency: string;
  roles: string[];
  pages: PageKey[];
}

export type PageKey = 'victims' | 'matchReview' | 'alerts' | 'childCoordination' | 'statistics' | 'dataProtection';

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
  { key: 'police-investigator', agency: 'police', roles: ['investigator'], pages: ['victims', 'alerts'] },
  { key: 'udi-caseworker', agency: 'immigration', roles: ['caseworker'], pages: ['victims', 'alerts'] },
  { key: 'child-welfare-caseworker', agency: 'child-welfare', roles: ['caseworker'], pages: ['victims', 'alerts'] },
  // The demo data's first organisation ('ROSA (demo)' → code rosa-demo).
  { key: 'ngo-worker', agency: 'ngo:rosa-demo', roles: ['worker'], pages: ['victims'] },
  {
    key: 'coordinating-unit',
    agency: 'coordinating-unit',
    roles: ['coordinator'],
    pages: ['victims', 'matchReview', 'alerts', 'childCoordination', 'statistics'],
  },
  // The coordinating unit's child victims team signs in with the coordinating
  // unit's claim (as the safeguards work's README does), so the hub gives it
  // the same; its own page, child coordination, comes first.
  {
    key: 'child-coordinating-unit',
    agency: 'coordinating-unit',
    roles: ['coordinator'],
    pages: ['childCoordination', 'victims', 'alerts', 'matchReview', 'statistics'],
  },
  { key: 'nrm-working-group', agency: 'nrm-working-group', roles: ['analyst'], pages: ['statistics'] },
  { key: 'data-protection', agency: 'data-protection', roles: ['officer'], pages: ['dataProtection'] },
];

/** The role definition for a key. */
export function roleByKey(key: string): RoleDefinition | undefined {
  return ROLES.find((r) => r.key === key);
}

/** Pages for an agency claim (used for tokens from a real issuer, which name an agency, not a role key). */
export function pagesForAgency(agency: string): PageKey[] {
  const kind = agency.startsWith('ngo:') ? 'ngo' : agency;
  if (kind === 'coordinating-unit') return ['victims', 'matchReview', 'alerts', 'childCoordination', 'statistics'];
  if (kind === 'data-protection') return ['dataProtection'];
  if (kind === 'nrm-working-group') return ['statistics'];
  if (kind === 'ngo') return ['victims'];
  return ['victims', 'alerts'];
}

/** Same rule as the hub's PURPOSE_RE (kit/src/auth/policy.ts). */
export const PURPOSE_RE = /^[A-Za-z0-9][A-Za-z0-9._/-]{2,63}$/;

/** Whether the agency may read alerts (scope `alert:read`: UDI and the coordinating unit); only then does the navigation poll the counter. */
export function readsAlerts(agency: string): boolean {
  return agency === 'immigration' || agency === 'coordinating-unit';
}

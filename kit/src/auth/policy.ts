/**
 * The access policy of the hub: which scopes each kind of user gets. Both
 * the gateway and every subgraph derive scopes from the verified token's
 * `agency` and `roles` claims with this one function, so the table below is
 * the whole truth (the README prints it).
 */

/** Agency claim values. NGO users carry `ngo:<organisation-code>`. */
export type AgencyKind = 'police' | 'immigration' | 'child-welfare' | 'ngo' | 'coordinating-unit' | 'nrm-working-group' | 'data-protection';

/** Scopes each agency kind reads with. */
export const READ_SCOPES: Record<AgencyKind, readonly string[]> = {
  police: ['victim:read', 'police:read', 'ngo:read'],
  immigration: ['victim:read', 'immigration:read', 'ngo:read', 'alert:read'],
  'child-welfare': ['victim:read', 'child-welfare:read', 'ngo:read'],
  ngo: ['victim:read', 'ngo:read'],
  'coordinating-unit': [
    'victim:read',
    'police:read',
    'immigration:read',
    'child-welfare:read',
    'ngo:read',
    'statistics:read',
    'link-review',
    'alert:read',
    'coordination:read',
  ],
  'nrm-working-group': ['statistics:read'],
  'data-protection': ['audit:read'],
};

/**
 * Scopes a user with a case-handling role gets in their own agency. Only the
 * coordinating unit's case handlers decide link reviews, merge and split
 * (`link-review:write`); its other roles (`analyst`) keep `link-review`, a
 * read scope. No user scope registers with the NRM: that takes an agency
 * service credential (`service-auth.ts`).
 */
export const WRITE_SCOPES: Partial<Record<AgencyKind, readonly string[]>> = {
  police: ['police:write', 'referral:write'],
  immigration: ['immigration:write', 'referral:write', 'alert:write', 'return-check'],
  'child-welfare': ['child-welfare:write', 'referral:write'],
  ngo: ['ngo:write', 'referral:write'],
  'coordinating-unit': ['referral:write', 'link-review:write', 'alert:write'],
};

/** Roles that handle cases (and so may write); other roles only read. */
export const CASE_ROLES: readonly string[] = ['investigator', 'caseworker', 'worker', 'coordinator'];

/**
 * Scopes of an administrator (role `administrator`) in its agency: the
 * coordinating unit's administrator registers NGOs and crisis centres
 * (`organisation:write`). NGO staff never create organisations.
 */
export const ADMIN_SCOPES: Partial<Record<AgencyKind, readonly string[]>> = {
  'coordinating-unit': ['organisation:write'],
};

/** The role that gets `ADMIN_SCOPES`. */
export const ADMIN_ROLE = 'administrator';

const AGENCY_RE = /^(police|immigration|child-welfare|coordinating-unit|nrm-working-group|data-protection|ngo:[a-z0-9][a-z0-9-]{1,59})$/;

/** True for a well-formed agency claim. */
export function isAgencyClaim(value: unknown): value is string {
  return typeof value === 'string' && AGENCY_RE.test(value);
}

/** The kind of an agency claim (`ngo:rosa` → `ngo`). */
export function agencyKind(agency: string): AgencyKind {
  return (agency.startsWith('ngo:') ? 'ngo' : agency) as AgencyKind;
}

/** Scopes for an agency and its roles. */
export function scopesFor(agency: string, roles: readonly string[]): string[] {
  const kind = agencyKind(agency);
  const scopes = new Set(READ_SCOPES[kind] ?? []);
  if (roles.some((r) => CASE_ROLES.includes(r))) for (const s of WRITE_SCOPES[kind] ?? []) scopes.add(s);
  if (roles.includes(ADMIN_ROLE)) for (const s of ADMIN_SCOPES[kind] ?? []) scopes.add(s);
  return [...scopes].sort();
}

/** A purpose is a case reference such as `CASE-2021-17` or `OSL-2021-0001`. */
export const PURPOSE_RE = /^[A-Za-z0-9][A-Za-z0-9._/-]{2,63}$/;

/** Policies a user satisfies: `purpose` when the token names a well-formed case reference. */
export function policiesFor(purpose: string | null | undefined): string[] {
  return purpose && PURPOSE_RE.test(purpose) ? ['purpose'] : [];
}

/** An NGO's code in `ngo:<code>` agency claims: its name, lower-cased, non-alphanumerics as dashes. */
export function organisationCode(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

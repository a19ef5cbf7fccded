/**
 * The monolith baseline of the federation benchmark: one Node process over
 * one Postgres database holding the same rows as the five subgraphs (each
 * subgraph's tables in a schema of its name, see `bench-data.ts`), serving
 * only the README's single victim view with hand-written SQL, one statement.
 *
 * It does what the hub does for that view, minus federation: verifies the
 * bearer token with the kit's verifier (signature, issuer, audience, expiry),
 * checks the scopes of each field group and the purpose policy (a denied
 * group is null with the same FORBIDDEN error), applies the NGO client's
 * consent per record, and appends one audit record per request (the kit's
 * hash-chained appender, awaited before the response; a failed write
 * withholds the data). It takes no GraphQL document: the body's
 * `variables.first` says how many victims (1 to 500).
 *
 * Environment: MONOLITH_PORT, MONOLITH_DATABASE_URL, AUTH_* (as every hub process).
 */
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { AuditCollector, createTokenVerifier, loadAuthConfig, type Viewer } from '@nrm-hub/kit';
import { appendAuditBatched } from '@nrm-hub/kit/audit';

const port = Number(process.env.MONOLITH_PORT ?? 4166);
const client = postgres(process.env.MONOLITH_DATABASE_URL as string, { max: 10, onnotice: () => {} });
let statements = 0;
const db = drizzle(client, { casing: 'snake_case', logger: { logQuery: () => void (statements += 1) } });
const verify = createTokenVerifier(loadAuthConfig());

/** Field groups of the view, the scope each needs (READ_SCOPES), and the fields it serves (for the audit record). */
const GROUPS = {
  police: {
    scope: 'police:read',
    fields: [
      'Victim.police',
      'PolicePerson.givenNames',
      'PolicePerson.familyName',
      'PolicePerson.caseRoles',
      'CaseRole.role',
      'CaseRole.investigation',
      'PolicePerson.custodyStays',
      'CustodyStay.kind',
      'CustodyStay.facility',
      'CustodyStay.startedAt',
      'CustodyStay.endedAt',
      'PolicePerson.compensationOrders',
      'CompensationOrder.amountNok',
      'CompensationOrder.paidAt',
    ],
  },
  immigration: {
    scope: 'immigration:read',
    fields: [
      'Victim.immigration',
      'Applicant.dufNumber',
      'Applicant.eeaCitizen',
      'Applicant.reflectionPeriods',
      'ReflectionPeriod.grantedAt',
      'ReflectionPeriod.endsAt',
      'Applicant.residencePermits',
      'ResidencePermit.kind',
      'ResidencePermit.validUntil',
    ],
  },
  childWelfare: {
    scope: 'child-welfare:read',
    fields: ['Victim.childWelfare', 'ChildCase.unaccompanied', 'ChildCase.placements', 'Placement.kind', 'Placement.startedAt', 'Placement.plannedEndAt'],
  },
  assistance: {
    scope: 'ngo:read',
    fields: ['Victim.assistance', 'NgoClient.organisation', 'NgoClient.assistanceEpisodes', 'AssistanceEpisode.type', 'AssistanceEpisode.startedAt'],
  },
} as const;
const VICTIM_FIELDS = [
  'Query.victims',
  'Victim.registrations',
  'Registration.agency',
  'Registration.status',
  'Registration.decidedBy',
  'Registration.decidedOn',
];
const CONSENT_AGENCY: Record<string, string> = {
  police: 'POLICE',
  immigration: 'IMMIGRATION',
  'child-welfare': 'CHILD_WELFARE',
  'coordinating-unit': 'COORDINATING_UNIT',
};

/**
 * The whole view in one statement. Each agency's records are those stored
 * under the victim's id or any id merged into it; lists in the order the
 * subgraphs give them. `$2..$5` switch a group off when the caller may not see it.
 */
const VIEW_SQL = `
with v as (
  select id from nrm.victims where merged_into is null order by id limit $1
), ids as (
  select v.id as victim_id, v.id as record_victim_id from v
  union all select m.merged_into, m.id from nrm.victims m join v on m.merged_into = v.id
)
select v.id,
  (select coalesce(json_agg(json_build_object('agency', r.agency, 'status', r.status, 'decidedBy', r.decided_by, 'decidedOn', r.decided_on) order by r.registered_at), '[]')
     from nrm.registrations r where r.victim_id = v.id) as registrations,
  case when $2 then (select coalesce(json_agg(json_build_object(
      'givenNames', p.given_names, 'familyName', p.family_name,
      'caseRoles', (select coalesce(json_agg(json_build_object('role', cr.role, 'investigation', json_build_object('reference', i.reference, 'offence', i.offence, 'prosecutedAs', i.prosecuted_as))), '[]')
                    from police.case_roles cr join police.investigations i on i.id = cr.investigation_id where cr.person_id = p.id),
      'custodyStays', (select coalesce(json_agg(json_build_object('kind', c.kind, 'facility', c.facility, 'startedAt', c.started_at, 'endedAt', c.ended_at)), '[]') from police.custody_stays c where c.person_id = p.id),
      'compensationOrders', (select coalesce(json_agg(json_build_object('amountNok', o.amount_nok, 'paidAt', o.paid_at)), '[]') from police.compensation_orders o where o.person_id = p.id)
    ) order by p.recorded_at), '[]') from police.persons p where p.victim_id in (select record_victim_id from ids where ids.victim_id = v.id)) end as police,
  case when $3 then (select coalesce(json_agg(json_build_object(
      'dufNumber', a.duf_number, 'eeaCitizen', a.eea_citizen,
      'reflectionPeriods', (select coalesce(json_agg(json_build_object('grantedAt', r.granted_at, 'endsAt', r.ends_at) order by r.granted_at), '[]') from immigration.reflection_periods r where r.applicant_id = a.id),
      'residencePermits', (select coalesce(json_agg(json_build_object('kind', r.kind, 'validUntil', r.valid_until) order by r.granted_at), '[]') from immigration.residence_permits r where r.applicant_id = a.id)
    ) order by a.recorded_at), '[]') from immigration.applicants a where a.victim_id in (select record_victim_id from ids where ids.victim_id = v.id)) end as immigration,
  case when $4 then (select coalesce(json_agg(json_build_object(
      'unaccompanied', c.unaccompanied,
      'placements', (select coalesce(json_agg(json_build_object('kind', p.kind, 'startedAt', p.started_at, 'plannedEndAt', p.planned_end_at) order by p.started_at, p.id), '[]') from child_welfare.placements p where p.case_id = c.id)
    ) order by c.opened_at), '[]') from child_welfare.child_cases c where c.victim_id in (select record_victim_id from ids where ids.victim_id = v.id)) end as child_welfare,
  case when $5 then (select coalesce(json_agg(json_build_object(
      'organisation', json_build_object('name', o.name),
      'assistanceEpisodes', (select coalesce(json_agg(json_build_object('type', e.type, 'startedAt', e.started_at) order by e.started_at, e.id), '[]') from ngo.assistance_episodes e where e.client_id = cl.id),
      '_consents', (select coalesce(json_agg(json_build_object('agency', k.agency, 'givenAt', k.given_at, 'withdrawnAt', k.withdrawn_at)), '[]') from ngo.consents k where k.client_id = cl.id)
    ) order by cl.recorded_at), '[]') from ngo.clients cl join ngo.organisations o on o.id = cl.organisation_id
      where cl.victim_id in (select record_victim_id from ids where ids.victim_id = v.id)) end as assistance
from v order by v.id`;

const STATUS_RANK: Record<string, number> = { ACTUAL: 3, POSSIBLE: 2, NOT_A_VICTIM: 1 };

interface Consent {
  agency: string;
  givenAt: string;
  withdrawnAt: string | null;
}

/** The consent rule of the NGO subgraph (`shareBasis`): own organisation's staff, or consent in force for the viewer's agency. */
function mayShare(client: { organisation: { name: string }; _consents: Consent[] }, viewer: Viewer, now: number): boolean {
  if (viewer.agencyKind === 'ngo') return viewer.agency === `ngo:${organisationCode(client.organisation.name)}`;
  const agency = CONSENT_AGENCY[viewer.agencyKind];
  return (
    !!agency && client._consents.some((c) => c.agency === agency && Date.parse(c.givenAt) <= now && (c.withdrawnAt === null || Date.parse(c.withdrawnAt) > now))
  );
}

function organisationCode(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

type Json = Record<string, unknown>;

async function view(viewer: Viewer | null, first: number, requestId: string): Promise<{ status: number; body: Json }> {
  const errors: Json[] = [];
  if (!viewer)
    return {
      status: 200,
      body: {
        data: { victims: null },
        errors: [{ message: 'Authentication required: send a valid bearer token.', extensions: { code: 'UNAUTHENTICATED', field: 'Query.victims' } }],
      },
    };
  const purpose = viewer.policies.includes('purpose');
  if (!viewer.scopes.includes('victim:read'))
    return {
      status: 200,
      body: {
        data: { victims: null },
        errors: [{ message: 'Not permitted: your agency and role may not see Query.victims.', extensions: { code: 'FORBIDDEN', field: 'Query.victims' } }],
      },
    };
  if (!purpose)
    return {
      status: 200,
      body: {
        data: { victims: null },
        errors: [
          {
            message: 'A purpose (case reference) is required in the token to read Query.victims.',
            extensions: { code: 'FORBIDDEN', field: 'Query.victims', reason: 'PURPOSE_REQUIRED' },
          },
        ],
      },
    };
  const allowed = Object.fromEntries(Object.entries(GROUPS).map(([k, g]) => [k, viewer.scopes.includes(g.scope)])) as Record<keyof typeof GROUPS, boolean>;
  statements += 1;
  const rows = await client.unsafe(VIEW_SQL, [first, allowed.police, allowed.immigration, allowed.childWelfare, allowed.assistance]);
  const audit = new AuditCollector();
  const now = Date.now();
  const victims = rows.map((row, i) => {
    const id = row.id as string;
    const registrations = row.registrations as { agency: string; status: string }[];
    for (const f of VICTIM_FIELDS) audit.record(f, id);
    const v: Json = {
      id,
      highestStatus: registrations.reduce((best, r) => ((STATUS_RANK[r.status] ?? 0) > (STATUS_RANK[best] ?? 0) ? r.status : best), 'NOT_A_VICTIM'),
      registeringAgencies: [...new Set(registrations.map((r) => r.agency))],
      registrations,
    };
    for (const [key, group] of Object.entries(GROUPS) as [keyof typeof GROUPS, (typeof GROUPS)[keyof typeof GROUPS]][]) {
      if (!allowed[key]) {
        v[key] = null;
        errors.push({
          message: `Not permitted: your agency and role may not see Victim.${key}.`,
          path: ['victims', i, key],
          extensions: { code: 'FORBIDDEN', field: `Victim.${key}` },
        });
        continue;
      }
      let records = row[key === 'childWelfare' ? 'child_welfare' : key] as Json[];
      if (key === 'assistance') {
        records = records.map((c, j) => {
          if (!mayShare(c as never, viewer, now)) {
            errors.push({
              message: 'Withheld: the client has not consented to share this record with your agency.',
              path: ['victims', i, 'assistance', j],
              extensions: { code: 'FORBIDDEN', reason: 'CONSENT_REQUIRED' },
            });
            return null as never;
          }
          const { _consents: _, ...shown } = c;
          return shown;
        });
      }
      if (records.some((r) => r !== null)) for (const f of group.fields) audit.record(f, id);
      else audit.record(`Victim.${key}`, id);
      v[key] = records;
    }
    return v;
  });
  const entry = audit.entry({ requestId, viewer, operation: 'SingleVictimView' });
  try {
    if (entry) await appendAuditBatched(db as never, entry);
  } catch {
    return {
      status: 503,
      body: { errors: [{ message: 'The read could not be recorded in the audit log, so no data is returned.', extensions: { code: 'AUDIT_UNAVAILABLE' } }] },
    };
  }
  return { status: 200, body: errors.length ? { data: { victims }, errors } : { data: { victims } } };
}

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', async () => {
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.url === '/metrics') return send(200, { statements });
    if (req.url === '/ready') return send(200, { status: 'ready' });
    try {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as { variables?: { first?: unknown } };
      const first = Number(body.variables?.first ?? 5);
      if (!Number.isInteger(first) || first < 1 || first > 500)
        return send(400, { errors: [{ message: 'first must be between 1 and 500', extensions: { code: 'BAD_USER_INPUT' } }] });
      let viewer: Viewer | null;
      try {
        viewer = await verify(req.headers.authorization);
      } catch {
        return send(401, { errors: [{ message: 'A valid bearer token is required.', extensions: { code: 'UNAUTHENTICATED' } }] });
      }
      const given = req.headers['x-request-id'];
      const requestId = typeof given === 'string' && /^[A-Za-z0-9._:-]{1,128}$/.test(given) ? given : randomUUID();
      const out = await view(viewer, first, requestId);
      send(out.status, out.body);
    } catch (error) {
      console.error(`monolith: ${(error as Error).name}`);
      send(500, { errors: [{ message: 'Internal server error' }] });
    }
  });
});
server.listen(port, '127.0.0.1', () => console.log(`monolith ready at http://127.0.0.1:${port}/graphql`));
const stop = () => server.close(() => void client.end().then(() => process.exit(0)));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);

import { request as httpRequest } from 'node:http';
import { generateKeyPair, importJWK, exportSPKI, SignJWT, type JWK } from 'jose';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway, type RunningGateway } from '@nrm-hub/gateway';
import { documentId, readTrustedDocuments } from '@nrm-hub/gateway/trusted-documents';
import type { TestClaims } from '@nrm-hub/kit/testing';
import { EXAMPLE_QUERY } from '@nrm-hub/scripts/demo-data';
import { listen } from '@nrm-hub/kit';
import * as nrmContext from '@nrm-hub/nrm/context';
import * as nrmServer from '@nrm-hub/nrm/server';
import { startHub, type Hub } from '../support/hub.ts';
import { seedVictim, type SeededVictim } from './seed.ts';

/**
 * The hostile-request suite: every case is a real HTTP request against the
 * running hub (the development gateway, a production-mode gateway over the
 * same subgraphs, a gateway with a low rate limit, or a subgraph directly)
 * with its expected outcome: the error code, the HTTP status, and no
 * personal data of the synthetic person registered in setup.
 */

let hub: Hub;
let prod: RunningGateway;
let limited: RunningGateway;
let seed: SeededVictim;
let passed = 0;
let ran = 0;

/** A case: counted when it ran to the end without a failed expectation. */
function hostile(name: string, fn: () => Promise<void>) {
  it(name, async () => {
    ran += 1;
    await fn();
    passed += 1;
  });
}

const COORDINATOR: TestClaims = { sub: 'hostile-coordinator', agency: 'coordinating-unit', roles: ['coordinator'], purpose: 'CASE-2021-17' };
const INTROSPECTION = '{ __schema { types { name fields { name } } } }';
const TYPE_PROBE = '{ __type(name: "PolicePerson") { fields { name } } }';

interface Answer {
  status: number;
  headers: Headers;
  text: string;
  json: { data?: any; errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[] } | null;
}

/** POSTs a raw body (string) or JSON value; asks for the GraphQL-over-HTTP response type, so refusals carry 4xx statuses. */
async function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let json: Answer['json'];
  try {
    json = JSON.parse(text);
  } catch {
    json = null;
  }
  return { status: res.status, headers: res.headers, text, json };
}

const gql = (url: string, query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}) => post(url, { query, variables }, headers);

/** A request to `path` exactly as written (fetch would normalise `//graphql` or `/./graphql` before sending). */
function raw(base: string, method: 'GET' | 'POST', path: string, body: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const { hostname, port } = new URL(base);
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        hostname,
        port,
        method,
        path,
        headers: {
          accept: 'application/graphql-response+json, application/json',
          ...(payload ? { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(payload)) } : {}),
          ...headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: Answer['json'];
          try {
            json = JSON.parse(text);
          } catch {
            json = null;
          }
          const h = new Headers();
          for (const [k, v] of Object.entries(res.headers)) if (typeof v === 'string') h.set(k, v);
          resolve({ status: res.statusCode ?? 0, headers: h, text, json });
        });
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/** Other spellings of the GraphQL endpoint's path: a router that matched any of them would serve GraphQL outside the endpoint's rules. */
const ENDPOINT_SPELLINGS = ['/graphql/', '//graphql', '/graphql//', '/./graphql/', '/x/../graphql/', '/GRAPHQL', '/graphql%2F', '/graphql;x'];
const as = (claims: TestClaims) => hub.as(claims);
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** No string of the seeded person's data anywhere in the response, raw or JSON-escaped. */
function expectNoPersonalData(answer: Answer) {
  for (const value of seed.personalData) {
    expect(answer.text).not.toContain(value);
    expect(answer.text).not.toContain(JSON.stringify(value).slice(1, -1));
  }
}

const codes = (answer: Answer) => (answer.json?.errors ?? []).map((e) => e.extensions?.code);

/** A refusal: the HTTP status, every error carrying `code`, no personal data. */
function expectRefused(answer: Answer, code: string, status: number) {
  expect({ status: answer.status, codes: [...new Set(codes(answer))] }).toEqual({ status, codes: [code] });
  expectNoPersonalData(answer);
}

/** The whole single-victim view of the seeded person. */
const VICTIM_QUERY = `query($id: ID!) { victim(id: $id) { id } }`;
const VICTIM_VIEW = `query Victim($id: ID!) {
  victim(id: $id) {
    id
    registrations { agency status }
    police { givenNames familyName identifiers { value } custodyStays { facility } }
    immigration { givenNames dufNumber }
    childWelfare { givenNames municipality }
    assistance { givenNames familyName }
  }
}`;

// ---- tokens an attacker might try --------------------------------------------------------

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const claimsOf = (overrides: Record<string, unknown> = {}) => ({
  sub: 'hostile-user',
  agency: 'coordinating-unit',
  roles: ['coordinator'],
  purpose: 'CASE-2021-17',
  iss: hub.issuer.config.issuer,
  aud: hub.issuer.config.audience,
  iat: Math.floor(Date.now() / 1000),
  exp: Math.floor(Date.now() / 1000) + 600,
  ...overrides,
});
/** Signs a payload with the hub's real test key (only the claims are wrong). */
const signed = (payload: Record<string, unknown>) => new SignJWT(payload).setProtectedHeader({ alg: 'ES256', kid: 'test-key' }).sign(hub.issuer.privateKey);

const BAD_TOKENS: [string, () => Promise<string>][] = [
  ['an expired token', () => signed(claimsOf({ iat: Math.floor(Date.now() / 1000) - 7200, exp: Math.floor(Date.now() / 1000) - 3600 }))],
  ['a token from another issuer', () => signed(claimsOf({ iss: 'https://evil.example/issuer' }))],
  ['a token for another audience', () => signed(claimsOf({ aud: 'some-other-service' }))],
  ['a token without an expiry', () => signed(Object.fromEntries(Object.entries(claimsOf()).filter(([k]) => k !== 'exp')))],
  ['a token valid for a year', () => signed(claimsOf({ exp: Math.floor(Date.now() / 1000) + 365 * 86_400 }))],
  [
    'a token issued two days ago that is still valid (a lifetime longer than a sign-in)',
    () => signed(claimsOf({ iat: Math.floor(Date.now() / 1000) - 2 * 86_400, exp: Math.floor(Date.now() / 1000) + 600 })),
  ],
  ['a token not valid yet (nbf in an hour)', () => signed(claimsOf({ nbf: Math.floor(Date.now() / 1000) + 3600 }))],
  ['an unsigned token (alg: none)', async () => `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claimsOf())}.`],
  [
    'an HS256 token signed with the public key as the secret',
    async () => {
      const pem = await exportSPKI((await importJWK(hub.issuer.jwks.keys[0] as JWK, 'ES256', { extractable: true })) as CryptoKey);
      return new SignJWT(claimsOf()).setProtectedHeader({ alg: 'HS256', kid: 'test-key' }).sign(new TextEncoder().encode(pem));
    },
  ],
  [
    'a token signed with another key under the same key id',
    async () => {
      const { privateKey } = await generateKeyPair('ES256');
      return new SignJWT(claimsOf()).setProtectedHeader({ alg: 'ES256', kid: 'test-key' }).sign(privateKey);
    },
  ],
  [
    'a tampered token (claims raised to the coordinating unit, signature kept)',
    async () => {
      const [header, , signature] = (await signed(claimsOf({ agency: 'nrm-working-group', roles: ['analyst'] }))).split('.');
      return `${header}.${b64(claimsOf())}.${signature}`;
    },
  ],
  ['a token with an unknown agency claim', () => signed(claimsOf({ agency: 'admin' }))],
  ['a token whose roles claim is not a list', () => signed(claimsOf({ roles: 'coordinator' }))],
  ['a token with an injection string as its purpose', () => signed(claimsOf({ purpose: "' OR 1=1 --" }))],
];

const BAD_HEADERS: [string, string][] = [
  ['a Basic Authorization header', `Basic ${Buffer.from('admin:admin').toString('base64')}`],
  ['"Bearer" with no token', 'Bearer '],
  ['a bearer value that is not a JWT', 'Bearer not-a-jwt'],
  ['two tokens in one header', 'Bearer a.b.c Bearer d.e.f'],
];

// ---- injection strings ----------------------------------------------------------------------

const INJECTIONS: [string, string][] = [
  ['an SQL tautology', "' OR 1=1 --"],
  ['an SQL DROP TABLE', "'; DROP TABLE persons; --"],
  ['NUL bytes', 'abc\u0000def\u0000'],
  ['a 40,000-character string', 'A'.repeat(40_000)],
  ['unicode control characters', '\u202E\u0007\u001B[2J\u200B\uFEFF\u0085'],
  ['a __proto__ string', '__proto__'],
];

/** Whether Object.prototype picked up a key from a request (the gateway and subgraphs run in this process). */
const polluted = () => ['polluted', 'isAdmin'].some((k) => k in Object.prototype || ({} as Record<string, unknown>)[k] !== undefined);

/** An injection answer: refused as bad input (or, for free text, stored as the text it is); the value never echoed, nothing leaked. */
function expectInjectionSafe(answer: Answer, payload: string, outcome: 'BAD_USER_INPUT' | 'BAD_USER_INPUT_OR_STORED') {
  expectNoPersonalData(answer);
  expect(answer.text).not.toContain(payload);
  expect(answer.text).not.toContain(JSON.stringify(payload).slice(1, -1));
  expect(polluted()).toBe(false);
  if (outcome === 'BAD_USER_INPUT') expect({ status: answer.status, codes: [...new Set(codes(answer))] }).toEqual({ status: 200, codes: ['BAD_USER_INPUT'] });
  else expect({ status: answer.status, codes: [...new Set(codes(answer))].filter((c) => c !== 'BAD_USER_INPUT') }).toEqual({ status: 200, codes: [] });
}

const countRows = async (subgraph: keyof Hub['databases'], table: string) => {
  const result = await hub.databases[subgraph].db.execute(sql.raw(`select count(*)::int as n from ${table}`));
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { n: number }[];
  return rows[0]!.n;
};

beforeAll(async () => {
  hub = await startHub();
  seed = await seedVictim(hub, 'hostile');
  const subgraphUrls = Object.fromEntries(Object.entries(hub.subgraphs).map(([name, s]) => [name, s.url]));
  // Production mode over the same subgraphs; its manifest adds two introspection documents, to show
  // that introspection is refused by the production rules and not only by the trusted-document check.
  const trustedDocuments = { ...readTrustedDocuments(), [documentId(INTROSPECTION)]: INTROSPECTION, [documentId(TYPE_PROBE)]: TYPE_PROBE };
  prod = await startGateway({ port: 0, production: true, verifier: hub.issuer.verifier, subgraphUrls, trustedDocuments });
  limited = await startGateway({
    port: 0,
    production: false,
    verifier: hub.issuer.verifier,
    subgraphUrls,
    rateLimit: { requests: 3, windowMs: 60_000, burst: 3 },
  });
}, 240_000);

afterAll(async () => {
  await limited?.close();
  await prod?.close();
  await hub?.stop();
  console.log(`hostile-request suite: ${passed} cases passed (of ${ran} run)`);
});

describe('identity: a request that is not from a verified caller gets no personal data', () => {
  hostile('no token: the victim is null with UNAUTHENTICATED', async () => {
    const answer = await gql(hub.gateway.url, VICTIM_VIEW, { id: seed.victimId });
    expectRefused(answer, 'UNAUTHENTICATED', 200);
    expect(answer.json?.data?.victim ?? null).toBeNull();
  });

  for (const [name, make] of BAD_TOKENS) {
    hostile(`${name}: HTTP 401 UNAUTHENTICATED`, async () => {
      const answer = await gql(hub.gateway.url, VICTIM_VIEW, { id: seed.victimId }, bearer(await make()));
      expectRefused(answer, 'UNAUTHENTICATED', 401);
      expect(answer.json?.data ?? null).toBeNull();
    });
  }

  for (const [name, header] of BAD_HEADERS) {
    hostile(`${name}: HTTP 401 UNAUTHENTICATED`, async () => {
      const answer = await gql(hub.gateway.url, VICTIM_VIEW, { id: seed.victimId }, { authorization: header });
      expectRefused(answer, 'UNAUTHENTICATED', 401);
    });
  }
});

describe('policy: a verified caller sees only what the policy table gives them', () => {
  const forbiddenAt = (answer: Answer, path: string) =>
    (answer.json?.errors ?? []).filter((e) => e.extensions?.code === 'FORBIDDEN' && e.path?.filter((p) => typeof p === 'string').join('.') === path);

  hostile('wrong agency: immigration reading the police and child-welfare records gets nulls with FORBIDDEN', async () => {
    const udi = await as({ agency: 'immigration', roles: ['caseworker'] });
    const answer = await gql(
      hub.gateway.url,
      `query($id: ID!) { victim(id: $id) { id police { givenNames familyName identifiers { value } } childWelfare { givenNames } } }`,
      { id: seed.victimId },
      udi,
    );
    expectRefused(answer, 'FORBIDDEN', 200);
    expect(answer.json?.data?.victim).toEqual({ id: seed.victimId, police: null, childWelfare: null });
    expect(forbiddenAt(answer, 'victim.police')).toHaveLength(1);
    expect(forbiddenAt(answer, 'victim.childWelfare')).toHaveLength(1);
    // With nothing allowed left in the selection, the victim itself is null (never a made-up object).
    const nothingAllowed = await gql(hub.gateway.url, `query($id: ID!) { victim(id: $id) { police { givenNames } } }`, { id: seed.victimId }, udi);
    expectRefused(nothingAllowed, 'FORBIDDEN', 200);
    expect(nothingAllowed.json?.data).toEqual({ victim: null });
  });

  hostile('missing scope: the NRM working group reading a person gets null with FORBIDDEN', async () => {
    const answer = await gql(hub.gateway.url, VICTIM_VIEW, { id: seed.victimId }, await as({ agency: 'nrm-working-group', roles: ['analyst'] }));
    expectRefused(answer, 'FORBIDDEN', 200);
    expect(answer.json?.data?.victim ?? null).toBeNull();
  });

  hostile('missing scope: the data-protection role reading a person gets null with FORBIDDEN', async () => {
    const answer = await gql(
      hub.gateway.url,
      `query($id: ID!) { victim(id: $id) { police { givenNames } } }`,
      { id: seed.victimId },
      await as({ agency: 'data-protection', roles: ['officer'] }),
    );
    expectRefused(answer, 'FORBIDDEN', 200);
  });

  hostile('missing purpose: a police investigator with no case reference gets FORBIDDEN (PURPOSE_REQUIRED)', async () => {
    const answer = await gql(hub.gateway.url, VICTIM_VIEW, { id: seed.victimId }, await as({ agency: 'police', roles: ['investigator'], purpose: null }));
    expectRefused(answer, 'FORBIDDEN', 200);
    expect(answer.json?.errors?.every((e) => e.extensions?.reason === 'PURPOSE_REQUIRED')).toBe(true);
  });

  hostile('NGO data without consent: child welfare sees the client record as null with FORBIDDEN (CONSENT_REQUIRED)', async () => {
    const answer = await gql(
      hub.gateway.url,
      `query($id: ID!) { victim(id: $id) { assistance { givenNames familyName } } }`,
      { id: seed.victimId },
      await as({ agency: 'child-welfare', roles: ['caseworker'] }),
    );
    expectRefused(answer, 'FORBIDDEN', 200);
    expect(answer.json?.data?.victim?.assistance).toEqual([null]);
    expect(answer.json?.errors?.[0]?.extensions?.reason).toBe('CONSENT_REQUIRED');
  });

  hostile('NGO data after consent is withdrawn: UDI saw the record, and on the next request gets FORBIDDEN', async () => {
    const staff: TestClaims = { agency: seed.organisation.agency, roles: ['worker'], purpose: 'SEED-2021-1' };
    const udi: TestClaims = { agency: 'immigration', roles: ['caseworker'] };
    const q = `query($id: ID!) { victim(id: $id) { assistance { givenNames } } }`;
    const given = await gql(
      hub.gateway.url,
      `mutation($i: NgoRecordConsentInput!) { ngoRecordConsent(input: $i) { id } }`,
      { i: { idempotencyKey: 'hostile-udi-consent', clientId: seed.clientId, agency: 'IMMIGRATION', purpose: 'Reflection period' } },
      await as(staff),
    );
    expect(given.json?.errors).toBeUndefined();
    const before = await gql(hub.gateway.url, q, { id: seed.victimId }, await as(udi));
    expect(before.json?.data?.victim?.assistance).toEqual([{ givenNames: seed.person.givenNames }]);
    const withdrawn = await gql(
      hub.gateway.url,
      `mutation($i: NgoWithdrawConsentInput!) { ngoWithdrawConsent(input: $i) { withdrawnAt } }`,
      { i: { consentId: given.json?.data?.ngoRecordConsent?.id } },
      await as(staff),
    );
    expect(withdrawn.json?.data?.ngoWithdrawConsent?.withdrawnAt).toBeTruthy();
    const after = await gql(hub.gateway.url, q, { id: seed.victimId }, await as(udi));
    expectRefused(after, 'FORBIDDEN', 200);
    expect(after.json?.data?.victim?.assistance).toEqual([null]);
  });

  hostile("another organisation's NGO worker: the client record is null with FORBIDDEN", async () => {
    const answer = await gql(
      hub.gateway.url,
      `query($id: ID!, $c: ID!) { victim(id: $id) { assistance { givenNames } } ngoClient(id: $c) { familyName } }`,
      { id: seed.victimId, c: seed.clientId },
      await as({ agency: 'ngo:some-other-shelter', roles: ['worker'] }),
    );
    expectRefused(answer, 'FORBIDDEN', 200);
    expect(answer.json?.data).toEqual({ victim: { assistance: [null] }, ngoClient: null });
  });

  hostile("another organisation's NGO worker writing to the client: NOT_FOUND as for an unknown client, and nothing stored", async () => {
    const before = await countRows('ngo', 'assistance_episodes');
    const write = async (clientId: string) =>
      gql(
        hub.gateway.url,
        `mutation($i: NgoRecordAssistanceInput!) { ngoRecordAssistance(input: $i) { id } }`,
        { i: { idempotencyKey: 'hostile-foreign-write', clientId, type: 'LEGAL', startedAt: '2021-06-01' } },
        await as({ agency: 'ngo:some-other-shelter', roles: ['worker'] }),
      );
    const answer = await write(seed.clientId);
    expectRefused(answer, 'NOT_FOUND', 200);
    // No existence oracle: the answer is the one an id that does not exist gets.
    expect(answer.json).toEqual((await write('00000000-0000-4000-8000-00000000f10c')).json);
    expect(await countRows('ngo', 'assistance_episodes')).toBe(before);
  });

  hostile('an anonymous write the schema leaves unguarded (mergeVictims) is refused at the gateway: UNAUTHENTICATED, nothing merged', async () => {
    const other = await gql(
      hub.gateway.url,
      `mutation($i: PoliceRegisterPotentialVictimInput!) { policeRegisterPotentialVictim(input: $i) { outcome { victimId } } }`,
      {
        i: {
          idempotencyKey: 'hostile-merge-target',
          person: { givenNames: 'Merge', familyName: 'Targetperson', birthYear: 1990, gender: 'MASCULINE', citizenships: ['PL'] },
          decision: { status: 'POSSIBLE', decidedBy: 'POLICE', exploitationTypes: [] },
        },
      },
      await as({ agency: 'police', roles: ['investigator'] }),
    );
    const otherId = other.json?.data?.policeRegisterPotentialVictim?.outcome?.victimId as string;
    expect(otherId).toBeTruthy();
    expect(otherId).not.toBe(seed.victimId);
    const answer = await gql(hub.gateway.url, `mutation($s: ID!, $m: ID!) { mergeVictims(survivorId: $s, mergedId: $m) { id mergedIds } }`, {
      s: seed.victimId,
      m: otherId,
    });
    expectRefused(answer, 'UNAUTHENTICATED', 200);
    const after = await gql(hub.gateway.url, `query($id: ID!) { victim(id: $id) { mergedIds } }`, { id: seed.victimId }, await as(COORDINATOR));
    expect(after.json?.data?.victim?.mergedIds).not.toContain(otherId);
  });

  hostile('a read-only role registering a victim: FORBIDDEN, and the police database is unchanged', async () => {
    const before = await countRows('police', 'persons');
    const answer = await gql(
      hub.gateway.url,
      `mutation($i: PoliceRegisterPotentialVictimInput!) { policeRegisterPotentialVictim(input: $i) { person { id } } }`,
      {
        i: {
          idempotencyKey: 'hostile-readonly-1',
          person: { givenNames: 'Readonly', familyName: 'Attempt', gender: 'FEMININE', citizenships: ['NO'] },
          decision: { status: 'POSSIBLE', decidedBy: 'POLICE', exploitationTypes: [] },
        },
      },
      await as({ agency: 'police', roles: ['analyst'] }),
    );
    expectRefused(answer, 'FORBIDDEN', 200);
    expect(await countRows('police', 'persons')).toBe(before);
  });
});

describe('straight to a subgraph: each agency checks as if there were no gateway', () => {
  const entities = (field: string) => `query($r: [_Any!]!) { _entities(representations: $r) { ... on Victim { ${field} } } }`;
  const representations = () => ({ r: [{ __typename: 'Victim', id: seed.victimId }] });

  hostile('police subgraph, no token, _entities: the record is null with UNAUTHENTICATED', async () => {
    const answer = await gql(hub.subgraphs.police.url, entities('police { givenNames familyName identifiers { value } }'), representations());
    expectRefused(answer, 'UNAUTHENTICATED', 200);
  });

  hostile('police subgraph, no token, listing investigations: UNAUTHENTICATED', async () => {
    const answer = await gql(hub.subgraphs.police.url, '{ investigations { reference } }');
    expectRefused(answer, 'UNAUTHENTICATED', 200);
  });

  hostile('police subgraph, a forged payload in extensions.jwt and no token: UNAUTHENTICATED', async () => {
    const answer = await post(hub.subgraphs.police.url, {
      query: entities('police { givenNames }'),
      variables: representations(),
      extensions: { jwt: { payload: claimsOf(), token: 'forged' } },
    });
    expectRefused(answer, 'UNAUTHENTICATED', 200);
  });

  hostile('police subgraph, a token signed with another key: HTTP 401 UNAUTHENTICATED', async () => {
    const [, make] = BAD_TOKENS.find(([name]) => name.startsWith('a token signed with another key'))!;
    const answer = await gql(hub.subgraphs.police.url, entities('police { givenNames }'), representations(), bearer(await make()));
    expectRefused(answer, 'UNAUTHENTICATED', 401);
  });

  hostile('police subgraph, a valid NGO token without police:read: FORBIDDEN', async () => {
    const answer = await gql(
      hub.subgraphs.police.url,
      entities('police { givenNames familyName }'),
      representations(),
      await as({ agency: seed.organisation.agency, roles: ['worker'] }),
    );
    expectRefused(answer, 'FORBIDDEN', 200);
  });

  hostile('immigration subgraph, a valid NRM working group token: FORBIDDEN', async () => {
    const answer = await gql(
      hub.subgraphs.immigration.url,
      entities('immigration { givenNames dufNumber }'),
      representations(),
      await as({ agency: 'nrm-working-group', roles: ['analyst'] }),
    );
    expectRefused(answer, 'FORBIDDEN', 200);
  });

  hostile('child-welfare subgraph, an unsigned token (alg: none): HTTP 401 UNAUTHENTICATED', async () => {
    const token = `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claimsOf({ agency: 'child-welfare' }))}.`;
    const answer = await gql(hub.subgraphs['child-welfare'].url, entities('childWelfare { givenNames municipality }'), representations(), bearer(token));
    expectRefused(answer, 'UNAUTHENTICATED', 401);
  });

  hostile('NGO subgraph, no token: the client record is withheld', async () => {
    const answer = await gql(hub.subgraphs.ngo.url, `query($c: ID!) { ngoClient(id: $c) { givenNames familyName } }`, { c: seed.clientId });
    expectRefused(answer, 'UNAUTHENTICATED', 200);
  });

  hostile('NRM subgraph, no token, listing victims: UNAUTHENTICATED', async () => {
    const answer = await gql(hub.subgraphs.nrm.url, '{ victims(first: 50) { id registrations { agency agencyRecordId } } }');
    expectRefused(answer, 'UNAUTHENTICATED', 200);
  });

  hostile('a subgraph refuses a batched array', async () => {
    const answer = await post(
      hub.subgraphs.police.url,
      [{ query: '{ investigations { reference } }' }, { query: '{ investigations { reference } }' }],
      await as(COORDINATOR),
    );
    expect(answer.status).toBe(400);
    expectNoPersonalData(answer);
  });

  hostile('a subgraph refuses a body over its size limit: 413, or the connection closed before any answer', async () => {
    // The subgraph adapter destroys the socket once the body passes its limit, so a fast client may see a reset instead of the 413.
    const answer = await post(
      hub.subgraphs.police.url,
      JSON.stringify({ query: '{ investigations { reference } }', variables: { pad: 'x'.repeat(1_100_000) } }),
      await as(COORDINATOR),
    ).catch((error: Error & { cause?: { code?: string } }) => error.cause?.code ?? error.message);
    if (typeof answer === 'string') expect(answer).toMatch(/ECONNRESET|EPIPE|UND_ERR_SOCKET|other side closed/);
    else {
      expect(answer.status).toBe(413);
      expectNoPersonalData(answer);
    }
  });
});

describe('limits: expensive or malformed requests are refused before any subgraph is asked', () => {
  hostile('a depth bomb (referrals → victim → referrals …) is refused: GRAPHQL_VALIDATION_FAILED, HTTP 400', async () => {
    let selection = 'id';
    for (let i = 0; i < 6; i++) selection = `referrals { victim { ${selection} } }`;
    const answer = await gql(hub.gateway.url, `{ victims(first: 1) { ${selection} } }`, undefined, await as(COORDINATOR));
    expectRefused(answer, 'GRAPHQL_VALIDATION_FAILED', 400);
    expect(answer.json?.errors?.[0]?.extensions?.reason).toBe('MAX_DEPTH');
  });

  hostile('an alias bomb (50 aliased victim lists) is refused: GRAPHQL_VALIDATION_FAILED, HTTP 400', async () => {
    const fields = Array.from({ length: 50 }, (_, i) => `v${i}: victims(first: 500) { id police { givenNames } }`).join(' ');
    const answer = await gql(hub.gateway.url, `{ ${fields} }`, undefined, await as(COORDINATOR));
    expectRefused(answer, 'GRAPHQL_VALIDATION_FAILED', 400);
    expect(answer.json?.errors?.map((e) => e.extensions?.reason)).toContain('MAX_ALIASES');
  });

  hostile('a cost bomb (500 victims with every agency’s records, size in a variable) is refused: GRAPHQL_VALIDATION_FAILED, HTTP 400', async () => {
    const query = `query($n: Int) { victims(first: $n) { id registrations { agency } police { givenNames caseRoles { role investigation { reference offence } } custodyStays { facility } } immigration { dufNumber reflectionPeriods { endsAt } } assistance { givenNames consents { agency } assistanceEpisodes { type } } } }`;
    const answer = await gql(hub.gateway.url, query, { n: 500 }, await as(COORDINATOR));
    expectRefused(answer, 'GRAPHQL_VALIDATION_FAILED', 400);
    expect(answer.json?.errors?.[0]?.extensions?.reason).toBe('MAX_COST');
  });

  hostile(
    'the cost bomb is refused however its list size is written: literal, variable, variable default, in a fragment; at the gateway and at the NRM',
    async () => {
      // Four lists of 500 victims with the NRM's own fields: over the limit, each list within `first`'s range.
      const lists = (size: string) =>
        ['a', 'b', 'c', 'd']
          .map((a) => `${a}: victims(first: ${size}) { id registrations { agency status decidedBy decidedOn } referrals { id state } }`)
          .join(' ');
      const ways: [string, string, Record<string, unknown> | undefined][] = [
        ['a literal', `{ ${lists('500')} }`, undefined],
        ['a variable', `query($n: Int) { ${lists('$n')} }`, { n: 500 }],
        ['a variable’s default, the variable left out', `query($n: Int = 500) { ${lists('$n')} }`, undefined],
        ['a variable’s default, the variables object empty', `query($n: Int = 500) { ${lists('$n')} }`, {}],
        ['a variable’s default, used in a fragment', `query($n: Int = 500) { ...F } fragment F on Query { ${lists('$n')} }`, undefined],
        ['a non-null variable’s default', `query($n: Int! = 500) { ${lists('$n')} }`, undefined],
      ];
      for (const [way, query, variables] of ways) {
        for (const url of [hub.gateway.url, hub.subgraphs.nrm.url]) {
          const answer = await gql(url, query, variables, await as(COORDINATOR));
          expect({ way, url, status: answer.status, reasons: answer.json?.errors?.map((e) => e.extensions?.reason) }).toEqual({
            way,
            url,
            status: 400,
            reasons: ['MAX_COST'],
          });
          expect(answer.json?.data ?? null).toBeNull();
        }
      }
    },
  );

  hostile('a token bomb (2,000 tokens) is refused while parsing: GRAPHQL_PARSE_FAILED, HTTP 400', async () => {
    const answer = await gql(hub.gateway.url, `{ ${Array.from({ length: 2000 }, () => '__typename').join(' ')} }`, undefined, await as(COORDINATOR));
    expectRefused(answer, 'GRAPHQL_PARSE_FAILED', 400);
    expect(answer.json?.errors?.[0]?.extensions?.reason).toBe('MAX_TOKENS');
  });

  hostile('a directive bomb (30 @include) is refused: GRAPHQL_VALIDATION_FAILED, HTTP 400', async () => {
    const fields = Array.from({ length: 30 }, () => 'id @include(if: true)').join(' ');
    const answer = await gql(hub.gateway.url, `{ victims(first: 1) { ${fields} } }`, undefined, await as(COORDINATOR));
    expectRefused(answer, 'GRAPHQL_VALIDATION_FAILED', 400);
    expect(answer.json?.errors?.[0]?.extensions?.reason).toBe('MAX_DIRECTIVES');
  });

  hostile('a batched array of operations is refused: HTTP 400 BATCHING_NOT_SUPPORTED', async () => {
    const answer = await post(
      hub.gateway.url,
      [
        { query: VICTIM_VIEW, variables: { id: seed.victimId } },
        { query: VICTIM_VIEW, variables: { id: seed.victimId } },
      ],
      await as(COORDINATOR),
    );
    expectRefused(answer, 'BATCHING_NOT_SUPPORTED', 400);
  });

  hostile('an oversized body (200 kB) is refused before parsing: HTTP 413', async () => {
    const answer = await post(hub.gateway.url, { query: VICTIM_VIEW, variables: { id: seed.victimId, pad: 'x'.repeat(200_000) } }, await as(COORDINATOR));
    expectRefused(answer, 'PAYLOAD_TOO_LARGE', 413);
  });

  hostile('an oversized body sent chunked, with no Content-Length, is refused: HTTP 413', async () => {
    const chunk = new TextEncoder().encode(`{"query": "{ __typename }", "pad": "${'x'.repeat(50_000)}`);
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 4) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const res = await fetch(hub.gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(await as(COORDINATOR)) },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    const answer: Answer = { status: res.status, headers: res.headers, text: await res.text(), json: null };
    answer.json = JSON.parse(answer.text);
    expectRefused(answer, 'PAYLOAD_TOO_LARGE', 413);
  });

  hostile('malformed JSON is refused: HTTP 400 BAD_REQUEST', async () => {
    const answer = await post(hub.gateway.url, `{"query": "{ victims(first: 1) { id } }", "variables": {`, await as(COORDINATOR));
    expectRefused(answer, 'BAD_REQUEST', 400);
  });

  hostile('a JSON body that is not an object (null) is refused: HTTP 400 BAD_REQUEST', async () => {
    const answer = await post(hub.gateway.url, 'null', await as(COORDINATOR));
    expectRefused(answer, 'BAD_REQUEST', 400);
  });

  hostile('an unknown top-level parameter (__proto__) in the body is refused: HTTP 400 BAD_REQUEST', async () => {
    const answer = await post(hub.gateway.url, `{"query": "{ __typename }", "__proto__": {"polluted": true}}`, await as(COORDINATOR));
    expectRefused(answer, 'BAD_REQUEST', 400);
    expect(polluted()).toBe(false);
  });

  hostile('a mutation sent with GET is refused: HTTP 405', async () => {
    const url = `${hub.gateway.url}?query=${encodeURIComponent('mutation { ngoCreateOrganisation(input: { name: "Get Attack", kind: NGO }) { id } }')}`;
    const res = await fetch(url, { headers: { accept: 'application/graphql-response+json', ...(await as({ agency: 'ngo:get-attack', roles: ['worker'] })) } });
    const text = await res.text();
    expect(res.status).toBe(405);
    expect(text).not.toContain('"id"');
  });

  hostile('field suggestions are hidden: a misspelt field, argument, type and enum value name nothing of the schema', async () => {
    const answer = await gql(
      hub.gateway.url,
      `{ victm(id: "x") { id } victims(frist: 1) { ... on Victm { id } } linkReviews(state: OPN) { id } }`,
      undefined,
      await as(COORDINATOR),
    );
    expectRefused(answer, 'GRAPHQL_VALIDATION_FAILED', 400);
    const messages = answer.json!.errors!.map((e) => e.message).join('\n');
    expect(messages).not.toMatch(/did you mean/i);
    for (const leak of ['"victim"', '"victims"', '"first"', '"Victim"', '"OPEN"']) expect(messages).not.toContain(leak);
  });

  hostile('a list size beyond what the NRM serves is refused: BAD_USER_INPUT', async () => {
    const answer = await gql(hub.gateway.url, `{ victims(first: -5) { id police { givenNames } } }`, undefined, await as(COORDINATOR));
    expectRefused(answer, 'BAD_USER_INPUT', 200);
  });
});

describe('production mode: trusted documents only, no introspection, no GraphiQL', () => {
  hostile('an arbitrary query is refused: HTTP 400 TRUSTED_DOCUMENT_REQUIRED', async () => {
    const answer = await gql(prod.url, VICTIM_VIEW, { id: seed.victimId }, await as(COORDINATOR));
    expectRefused(answer, 'TRUSTED_DOCUMENT_REQUIRED', 400);
  });

  hostile('an introspection query is refused as an arbitrary document', async () => {
    const answer = await gql(prod.url, INTROSPECTION, undefined, await as(COORDINATOR));
    expectRefused(answer, 'TRUSTED_DOCUMENT_REQUIRED', 400);
    expect(answer.text).not.toContain('PolicePerson');
  });

  hostile('another spelling of the endpoint’s path serves no document text either: 404 or TRUSTED_DOCUMENT_REQUIRED', async () => {
    for (const path of ENDPOINT_SPELLINGS) {
      const answer = await raw(prod.url, 'POST', path, { query: VICTIM_VIEW, variables: { id: seed.victimId } }, await as(COORDINATOR));
      expect({ path, status: answer.status }).toEqual({ path, status: answer.status === 404 ? 404 : 400 });
      if (answer.status !== 404) expectRefused(answer, 'TRUSTED_DOCUMENT_REQUIRED', 400);
      expectNoPersonalData(answer);
    }
  });

  hostile('introspection is off even as a trusted document: __schema and __type are refused', async () => {
    for (const doc of [INTROSPECTION, TYPE_PROBE]) {
      const answer = await post(prod.url, { documentId: documentId(doc) }, await as(COORDINATOR));
      expectRefused(answer, 'GRAPHQL_VALIDATION_FAILED', 400);
      expect(answer.text).not.toContain('givenNames');
    }
  });

  hostile('an unknown document id, or one named like an object key (__proto__), is refused: PERSISTED_QUERY_NOT_FOUND', async () => {
    for (const id of ['0'.repeat(64), '__proto__', 'constructor', "' OR 1=1 --"]) {
      const answer = await post(prod.url, { documentId: id }, await as(COORDINATOR));
      expectRefused(answer, 'PERSISTED_QUERY_NOT_FOUND', 400);
    }
  });

  hostile('a document id with a query attached is refused: the text is never run', async () => {
    const answer = await post(prod.url, { documentId: documentId(EXAMPLE_QUERY), query: VICTIM_VIEW, variables: { id: seed.victimId } }, await as(COORDINATOR));
    expectRefused(answer, 'TRUSTED_DOCUMENT_REQUIRED', 400);
  });

  hostile('a GET query string is refused like a POSTed one', async () => {
    const res = await fetch(`${prod.url}?query=${encodeURIComponent('{ victims(first: 5) { id police { givenNames } } }')}`, {
      headers: { accept: 'application/graphql-response+json', ...(await as(COORDINATOR)) },
    });
    const answer: Answer = { status: res.status, headers: res.headers, text: await res.text(), json: null };
    answer.json = JSON.parse(answer.text);
    expectRefused(answer, 'TRUSTED_DOCUMENT_REQUIRED', 400);
  });

  hostile('the trusted example query without a token returns no personal data (UNAUTHENTICATED); with one it works', async () => {
    const anonymous = await post(prod.url, { documentId: documentId(EXAMPLE_QUERY) });
    expectRefused(anonymous, 'UNAUTHENTICATED', 200);
    expect(anonymous.json?.data?.victims ?? null).toBeNull();
    const allowed = await post(prod.url, { documentId: documentId(EXAMPLE_QUERY) }, await as(COORDINATOR));
    expect(allowed.json?.errors).toBeUndefined();
    expect(allowed.json?.data?.victims.length).toBeGreaterThan(0);
  });

  hostile('GraphiQL is not served', async () => {
    const res = await fetch(prod.url, { headers: { accept: 'text/html' } });
    const text = await res.text();
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(text).not.toMatch(/graphiql/i);
  });

  hostile('errors are masked: a trusted mutation with hostile variables says which field is wrong, never the value', async () => {
    const doc = Object.values(readTrustedDocuments()).find((d) => d.includes('ngoRecordConsent('))!;
    const payload = "'; DROP TABLE consents; -- \u0000 <script>";
    const answer = await post(
      prod.url,
      { documentId: documentId(doc), variables: { i: { idempotencyKey: payload, clientId: seed.clientId, agency: payload, purpose: payload } } },
      await as({ agency: seed.organisation.agency, roles: ['worker'] }),
    );
    expectRefused(answer, 'BAD_USER_INPUT', 200);
    expect(answer.text).not.toContain('DROP TABLE');
    expect(answer.text).not.toContain('<script>');
  });
});

describe('rate limit: per subject, HTTP 429 RATE_LIMITED', () => {
  hostile('a subject beyond 3 requests a minute gets 429 with Retry-After; another subject is unaffected', async () => {
    const heavy = await as({ sub: 'rate-heavy', agency: 'coordinating-unit', roles: ['coordinator'] });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await gql(limited.url, '{ __typename }', undefined, heavy)).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const refused = await gql(limited.url, VICTIM_VIEW, { id: seed.victimId }, heavy);
    expectRefused(refused, 'RATE_LIMITED', 429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    const other = await gql(limited.url, '{ __typename }', undefined, await as({ sub: 'rate-light', agency: 'coordinating-unit', roles: ['coordinator'] }));
    expect(other.status).toBe(200);
  });

  hostile('every other spelling of the endpoint’s path is 404 or draws on the same bucket, by POST and by GET: none serves past the limit', async () => {
    const headers = await as({ sub: 'rate-spellings', agency: 'coordinating-unit', roles: ['coordinator'] });
    for (let i = 0; i < 3; i++) expect((await gql(limited.url, '{ __typename }', undefined, headers)).status).toBe(200);
    for (const path of ENDPOINT_SPELLINGS) {
      const byPost = await raw(limited.url, 'POST', path, { query: '{ __typename }' }, headers);
      const byGet = await raw(limited.url, 'GET', `${path}?query=${encodeURIComponent('{ __typename }')}`, undefined, headers);
      for (const answer of [byPost, byGet]) {
        expect({ path, status: [404, 429].includes(answer.status) }).toEqual({ path, status: true });
        expect(answer.json?.data).toBeUndefined();
      }
    }
  });

  hostile('straight at a subgraph, around the gateway: its own limit per subject, 429 with Retry-After; another subject is unaffected', async () => {
    // The NRM as a second process over the same database would run it, with a low limit (`SUBGRAPH_RATE_LIMIT`).
    const nrm = await listen({
      server: nrmServer.createServer(),
      port: 0,
      context: nrmContext.contextFactory({ verifier: hub.issuer.verifier, serviceVerifier: hub.issuer.serviceVerifier })(
        hub.databases.nrm.db as unknown as Parameters<ReturnType<typeof nrmContext.contextFactory>>[0],
      ),
      rateLimit: { requests: 3, windowMs: 60_000, burst: 3 },
    });
    try {
      const heavy = await as({ sub: 'rate-direct-heavy', agency: 'coordinating-unit', roles: ['coordinator'], purpose: 'CASE-2021-17' });
      const statuses = [];
      for (let i = 0; i < 3; i++) statuses.push((await gql(nrm.url, VICTIM_QUERY, { id: seed.victimId }, heavy)).status);
      expect(statuses).toEqual([200, 200, 200]);
      const refused = await gql(nrm.url, VICTIM_QUERY, { id: seed.victimId }, heavy);
      expectRefused(refused, 'RATE_LIMITED', 429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(refused.json?.data ?? null).toBeNull();
      const other = await gql(
        nrm.url,
        VICTIM_QUERY,
        { id: seed.victimId },
        await as({ sub: 'rate-direct-light', agency: 'coordinating-unit', roles: ['coordinator'], purpose: 'CASE-2021-17' }),
      );
      expect(other.status).toBe(200);
      expect(other.json?.data?.victim?.id).toBe(seed.victimId);
    } finally {
      await nrm.close();
    }
  });

  hostile('anonymous requests and requests with bad tokens share their address’s bucket', async () => {
    const [, expired] = BAD_TOKENS[0]!;
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await gql(limited.url, '{ __typename }')).status);
    const answer = await gql(limited.url, VICTIM_VIEW, { id: seed.victimId }, bearer(await expired()));
    expect(statuses).toEqual([200, 200, 200]);
    expectRefused(answer, 'RATE_LIMITED', 429);
  });
});

describe('injection strings in every kind of input: refused or stored as plain text, never run, never echoed', () => {
  const ngoStaff = (): TestClaims => ({ agency: seed.organisation.agency, roles: ['worker'], purpose: 'SEED-2021-1' });
  const inputs: [string, 'BAD_USER_INPUT' | 'BAD_USER_INPUT_OR_STORED', (payload: string, i: number) => Promise<Answer>][] = [
    ['a victim id', 'BAD_USER_INPUT', async (p) => gql(hub.gateway.url, VICTIM_VIEW, { id: p }, await as(COORDINATOR))],
    [
      'an NGO client id',
      'BAD_USER_INPUT',
      async (p) => gql(hub.gateway.url, `query($c: ID!) { ngoClient(id: $c) { givenNames } }`, { c: p }, await as(COORDINATOR)),
    ],
    [
      'a person’s name',
      'BAD_USER_INPUT_OR_STORED',
      async (p, i) =>
        gql(
          hub.gateway.url,
          `mutation($i: PoliceRegisterPotentialVictimInput!) { policeRegisterPotentialVictim(input: $i) { outcome { replayed } } }`,
          {
            i: {
              idempotencyKey: `hostile-name-${i}`,
              person: { givenNames: p, familyName: p, gender: 'MASCULINE', citizenships: ['NO'] },
              decision: { status: 'POSSIBLE', decidedBy: 'POLICE', exploitationTypes: [] },
            },
          },
          await as({ agency: 'police', roles: ['investigator'] }),
        ),
    ],
    [
      'an idempotency key',
      'BAD_USER_INPUT_OR_STORED',
      async (p) =>
        gql(
          hub.gateway.url,
          `mutation($i: NgoRecordAssistanceInput!) { ngoRecordAssistance(input: $i) { id } }`,
          { i: { idempotencyKey: p, clientId: seed.clientId, type: 'COUNSELLING', startedAt: '2021-06-01' } },
          await as(ngoStaff()),
        ),
    ],
    [
      'an enum value',
      'BAD_USER_INPUT',
      async (p, i) =>
        gql(
          hub.gateway.url,
          `mutation($i: NgoRecordAssistanceInput!) { ngoRecordAssistance(input: $i) { id } }`,
          { i: { idempotencyKey: `hostile-enum-${i}`, clientId: seed.clientId, type: p, startedAt: '2021-06-01' } },
          await as(ngoStaff()),
        ),
    ],
    [
      'a date',
      'BAD_USER_INPUT',
      async (p, i) =>
        gql(
          hub.gateway.url,
          `mutation($i: NgoRecordAssistanceInput!) { ngoRecordAssistance(input: $i) { id } }`,
          { i: { idempotencyKey: `hostile-date-${i}`, clientId: seed.clientId, type: 'OTHER', startedAt: p } },
          await as(ngoStaff()),
        ),
    ],
    [
      'a date-time',
      'BAD_USER_INPUT',
      async (p, i) =>
        gql(
          hub.gateway.url,
          `mutation($i: NgoRecordConsentInput!) { ngoRecordConsent(input: $i) { id } }`,
          { i: { idempotencyKey: `hostile-datetime-${i}`, clientId: seed.clientId, agency: 'NRM', purpose: 'Follow-up', givenAt: p } },
          await as(ngoStaff()),
        ),
    ],
    [
      'a free-text purpose',
      'BAD_USER_INPUT_OR_STORED',
      async (p, i) =>
        gql(
          hub.gateway.url,
          `mutation($i: NgoRecordConsentInput!) { ngoRecordConsent(input: $i) { id } }`,
          { i: { idempotencyKey: `hostile-purpose-${i}`, clientId: seed.clientId, agency: 'NRM', purpose: p } },
          await as(ngoStaff()),
        ),
    ],
  ];

  for (const [inputName, outcome, send] of inputs) {
    INJECTIONS.forEach(([payloadName, payload], i) => {
      hostile(`${payloadName} in ${inputName}`, async () => {
        const answer = await send(payload, i);
        // The gateway refuses NUL characters in any input (Postgres text cannot hold them).
        expectInjectionSafe(answer, payload, payload.includes('\u0000') ? 'BAD_USER_INPUT' : outcome);
      });
    });
  }

  hostile('__proto__ and constructor.prototype keys in variables pollute nothing and are refused', async () => {
    const body = `{"query": "mutation($i: NgoRecordAssistanceInput!) { ngoRecordAssistance(input: $i) { id } }", "variables": {"i": {"__proto__": {"isAdmin": true}, "constructor": {"prototype": {"polluted": 1}}, "idempotencyKey": "hostile-proto-keys", "clientId": "${seed.clientId}", "type": "OTHER", "startedAt": "2021-06-01"}}}`;
    const answer = await post(hub.gateway.url, body, await as(ngoStaff()));
    expectRefused(answer, 'BAD_USER_INPUT', 200);
    expect(polluted()).toBe(false);
  });

  hostile('after every injection the agencies’ tables are intact and the seeded person is still served to the coordinating unit', async () => {
    expect(await countRows('police', 'persons')).toBeGreaterThan(0);
    expect(await countRows('ngo', 'consents')).toBeGreaterThan(0);
    const answer = await gql(hub.gateway.url, VICTIM_VIEW, { id: seed.victimId }, await as(COORDINATOR));
    expect(answer.json?.errors).toBeUndefined();
    expect(answer.json?.data?.victim?.police?.[0]?.familyName).toBe(seed.person.familyName);
  });
});

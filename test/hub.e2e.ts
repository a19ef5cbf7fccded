import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_QUERY, loadDemoData } from '../scripts/src/demo-data.ts';
import { seededRandom, syntheticPerson } from '../scripts/src/synthetic-people.ts';
import { startHub, type Hub } from './support/hub.ts';

let hub: Hub;

const count = async (name: keyof Hub['databases'], table: string) => {
  const result = await hub.databases[name].db.execute(sql.raw(`select count(*)::int as n from ${table}`));
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { n: number }[];
  return rows[0]!.n;
};

beforeAll(async () => {
  hub = await startHub();
  await loadDemoData(hub.gateway.url);
}, 240_000);
afterAll(async () => {
  await hub?.stop();
});

describe('the hub through the gateway', () => {
  it('loads the demo data set with duplicates: 110 registrations of 87 persons', async () => {
    expect(await count('nrm', 'registrations')).toBe(110);
    expect(await count('nrm', 'victims')).toBe(87);
  });

  it('returns one victim with fields from all five subgraphs in one query', async () => {
    const { body } = await hub.query(`{
      victims(first: 200) {
        id highestStatus registeringAgencies
        police { givenNames custodyStays { kind endedAt } }
        immigration { reflectionPeriods { grantedAt endsAt } }
        childWelfare { unaccompanied placements { kind } }
        assistance { organisation { name } assistanceEpisodes { type } }
      }
    }`);
    expect(body.errors).toBeUndefined();
    const victims = body.data.victims as any[];
    // The person found in prison is known to the police and to an NGO, and also to no other agency.
    const inPrison = victims.filter((v) => v.police?.some((p: any) => p.custodyStays.some((s: any) => s.kind === 'PRISON')));
    expect(inPrison).toHaveLength(1);
    expect(inPrison[0].registeringAgencies.sort()).toEqual(['NGO', 'POLICE']);
    expect(inPrison[0].assistance[0].assistanceEpisodes.map((e: any) => e.type)).toContain('SHELTER');
    // The child is known to child welfare and the police.
    const child = victims.find((v) => v.childWelfare?.length);
    expect(child.registeringAgencies.sort()).toEqual(['CHILD_WELFARE', 'POLICE']);
    expect(child.childWelfare[0]).toEqual({ unaccompanied: true, placements: [{ kind: 'INSTITUTION' }] });
    expect(child.police).toHaveLength(1);
    // One victim known to NGO and UDI has a reflection period of exactly six months.
    const reflected = victims.filter((v) => v.immigration?.some((a: any) => a.reflectionPeriods.length));
    expect(reflected).toHaveLength(8);
    expect(reflected.every((v) => v.assistance.length === 1)).toBe(true);
    const period = reflected[0].immigration[0].reflectionPeriods[0];
    const end = new Date(`${period.grantedAt}T00:00:00Z`);
    end.setUTCMonth(end.getUTCMonth() + 6);
    expect(period.endsAt).toBe(end.toISOString().slice(0, 10));
  });

  it('answers the example query that npm start prints', async () => {
    const { body } = await hub.query(EXAMPLE_QUERY);
    expect(body.errors).toBeUndefined();
    expect(body.data.victims).toHaveLength(5);
    expect(body.data.victims[0].registrations.length).toBeGreaterThan(0);
  });

  it('joins 100 victims with four agency subgraphs using one SQL statement per subgraph', async () => {
    const rnd = seededRandom(99);
    for (let i = 0; i < 13; i++) {
      const { body } = await hub.query(
        `mutation($i: NgoRegisterPotentialVictimInput!) { ngoRegisterPotentialVictim(input: $i) { outcome { victimId } } }`,
        {
          i: {
            idempotencyKey: `e2e-extra-${i}`,
            organisationId: (await hub.query(`{ organisations { id } }`)).body.data.organisations[0].id,
            person: syntheticPerson(rnd, 'PL', 1980, 2000),
            decision: { status: 'POSSIBLE', decidedBy: 'NGO', exploitationTypes: ['FORCED_LABOUR'] },
          },
        },
      );
      expect(body.errors).toBeUndefined();
    }
    const agencies = ['police', 'immigration', 'child-welfare', 'ngo'] as const;
    for (const a of agencies) hub.databases[a].statements.reset();
    const { body } = await hub.query(`{
      victims(first: 100) {
        id
        police { familyName caseRoles { role } compensationOrders { amountNok } }
        immigration { dufNumber residencePermits { kind } }
        childWelfare { municipality placements { kind } }
        assistance { familyName assistanceEpisodes { type } consents { agency } }
      }
    }`);
    expect(body.errors).toBeUndefined();
    expect(body.data.victims).toHaveLength(100);
    expect(body.data.victims.filter((v: any) => v.assistance.length > 0).length).toBeGreaterThan(80);
    for (const a of agencies) expect({ subgraph: a, statements: hub.databases[a].statements.count }).toEqual({ subgraph: a, statements: 1 });
  });

  it('replays a retried registration through the gateway without a second person', async () => {
    const rnd = seededRandom(7);
    const input = { idempotencyKey: 'e2e-retry-0001', person: syntheticPerson(rnd, 'NO', 1990, 1995), decision: { status: 'POSSIBLE', decidedBy: 'POLICE', exploitationTypes: ['FORCED_LABOUR'] } };
    const m = `mutation($i: PoliceRegisterPotentialVictimInput!) { policeRegisterPotentialVictim(input: $i) { outcome { victimId replayed } } }`;
    const before = await count('nrm', 'registrations');
    const answers = await Promise.all([hub.query(m, { i: input }), hub.query(m, { i: input }), hub.query(m, { i: input })]);
    expect(new Set(answers.map((a) => a.body.data.policeRegisterPotentialVictim.outcome.victimId)).size).toBe(1);
    expect(await count('nrm', 'registrations')).toBe(before + 1);
    expect(await count('police', 'persons')).toBe(14);
  });

  it.each([
    ['a malformed DUF number', 'immigrationRegisterPotentialVictim', 'ImmigrationRegisterPotentialVictimInput', { identifiers: [{ type: 'DUF_NUMMER', value: '201212345604' }] }, 'BAD_USER_INPUT'],
    ['a fødselsnummer with bad check digits', 'policeRegisterPotentialVictim', 'PoliceRegisterPotentialVictimInput', { identifiers: [{ type: 'FODSELSNUMMER', value: '01010012357' }] }, 'BAD_USER_INPUT'],
    ['an unknown enum value', 'policeRegisterPotentialVictim', 'PoliceRegisterPotentialVictimInput', { gender: 'ROBOT' }, 'BAD_USER_INPUT'],
    ['a missing required field', 'immigrationRegisterPotentialVictim', 'ImmigrationRegisterPotentialVictimInput', { familyName: undefined }, 'BAD_USER_INPUT'],
  ])('refuses %s with a coded error and writes nothing anywhere', async (_name, field, inputType, override, code) => {
    const before = { nrm: await count('nrm', 'registrations'), police: await count('police', 'persons'), udi: await count('immigration', 'applicants') };
    const person = { ...syntheticPerson(seededRandom(5), 'RO', 1990, 1995), ...override };
    const { body } = await hub.query(`mutation($i: ${inputType}!) { ${field}(input: $i) { outcome { victimId } } }`, {
      i: { idempotencyKey: `e2e-bad-${field}-${_name.length}`, person, decision: { status: 'POSSIBLE', decidedBy: 'POLICE', exploitationTypes: [] } },
    });
    expect(body.data?.[field] ?? null).toBeNull();
    expect(body.errors?.[0]?.extensions?.code).toBe(code);
    expect(body.errors?.[0]?.message).not.toContain(person.familyName ?? '§');
    expect(body.errors?.[0]?.message).not.toContain(person.givenNames);
    expect(body.errors?.[0]?.message).not.toContain('ROBOT');
    expect({ nrm: await count('nrm', 'registrations'), police: await count('police', 'persons'), udi: await count('immigration', 'applicants') }).toEqual(before);
  });

  it('keeps serving the other subgraphs when one is stopped, with an error scoped to the missing one', async () => {
    await hub.subgraphs.police.close();
    const { body } = await hub.query(`{ victims(first: 100) { id registeringAgencies police { familyName } assistance { familyName } } }`);
    expect(body.data.victims).toHaveLength(100);
    expect(body.data.victims.every((v: any) => v.police === null)).toBe(true);
    expect(body.data.victims.filter((v: any) => v.assistance?.length > 0).length).toBeGreaterThan(80);
    expect(body.errors?.length).toBeGreaterThan(0);
    for (const error of body.errors ?? []) {
      expect(error.path?.includes('police')).toBe(true);
      expect(error.extensions).toEqual({ code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'police' });
    }
    // The subrequest (with its victim ids and variables) never reaches the client.
    expect(JSON.stringify(body.errors)).not.toContain('representations');
  });
});

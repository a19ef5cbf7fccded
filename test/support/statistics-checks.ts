import { beforeAll, describe, expect, it } from 'vitest';
import { personRecords } from '@nrm-hub/nrm/statistics';
import { classKey, HTCDS_COLUMNS, kAnonymise, toCsv, toHtcdsRow } from '@nrm-hub/scripts/htcds';
import { REPORT_QUERY, renderReport } from '@nrm-hub/scripts/report-render';
import type { Hub } from './hub.ts';

/**
 * Done-when 1-3 and 5 of the statistics issue, end to end through the real
 * gateway and the five subgraphs on the demo data set: the source report's
 * figures for 2021 (2020 in brackets), persons below registrations, the
 * bounds of open link reviews, disclosure control for the NRM working group,
 * the HTCDS export and the report. Registered by `hub.e2e.ts` inside its own
 * suite, right after the demo data is loaded, so the (slow) load happens once.
 */

let hub: Hub;
const COORDINATOR = { agency: 'coordinating-unit', roles: ['coordinator'], purpose: 'STAT-2021-1' };
const WORKING_GROUP = { agency: 'nrm-working-group', roles: ['analyst'] };

/** The statistics query a web app or the report sends: every figure of the list. */
export const STATISTICS_QUERY = `query Statistics($year: Int!, $previous: Int!) {
  statistics(year: $year) { ...Figures compareTo(year: $previous) { ...Figures } }
}
fragment Figures on Statistics {
  year
  registrations { value suppressed }
  duplicates { value suppressed }
  persons { count { value suppressed } lowerBound { value suppressed } upperBound { value suppressed } openLinkReviews { value suppressed } }
  byRegisteringAgency { agency registrations { value suppressed } persons { value suppressed } duplicates { value suppressed } }
  identifiedBy { sector persons { value suppressed } byAgeGroup { key count { value suppressed } } byCitizenshipArea { key count { value suppressed } } }
  personsByStatus { key count { value suppressed } }
  personsByExploitation { key count { value suppressed } }
  police { victimsPaidCompensation { value suppressed } compensationPaidNok { value suppressed } victimsInCustodyOrPrison { value suppressed } }
  immigration { reflectionPeriods { value suppressed } residencePermitsByKind { key count { value suppressed } } }
  childWelfare { childVictimsAssisted { value suppressed } }
  ngo { personsAssisted { value suppressed } clientRecordsAssisted { value suppressed } grantsBySource { key count { value suppressed } } }
}`;

const cell = (value: number) => ({ value, suppressed: false });
const row = (rows: { key: string; count: unknown }[], key: string) => rows.find((r) => r.key === key)?.count;

async function statistics(claims: Record<string, unknown>, year = 2021, previous = 2020) {
  const { body } = await hub.query(STATISTICS_QUERY, { year, previous }, await hub.as(claims as never));
  expect(body.errors).toBeUndefined();
  return body.data.statistics;
}

/** The statistics tests, on the hub `getHub` returns once its demo data is loaded (2021 figures must still be the demo's). */
export function statisticsOnDemoData(getHub: () => Hub): void {
  describe('national statistics through the gateway on the demo data', () => {
    beforeAll(() => {
      hub = getHub();
    });

    it('gives the coordinating unit the source report’s figures for 2021, and for 2020 through compareTo', async () => {
      const s = await statistics(COORDINATOR);
      const ngo = s.identifiedBy.find((x: { sector: string }) => x.sector === 'NGO');
      const government = s.identifiedBy.find((x: { sector: string }) => x.sector === 'GOVERNMENT');
      // Persons identified by NGOs 82: adults, mostly foreign.
      expect(ngo.persons).toEqual(cell(82));
      expect(row(ngo.byAgeGroup, 'ADULT')).toEqual(cell(82));
      expect(row(ngo.byCitizenshipArea, 'NO')).toEqual(cell(12));
      // Persons assisted by NGOs 82 (deduplicated by victim).
      expect(s.ngo.personsAssisted).toEqual(cell(82));
      // Children identified by the government 1; assisted by child welfare 1 (0).
      expect(row(government.byAgeGroup, 'CHILD')).toEqual(cell(1));
      expect(s.childWelfare.childVictimsAssisted).toEqual(cell(1));
      expect(s.compareTo.childWelfare.childVictimsAssisted).toEqual(cell(0));
      // Reflection periods 8 (16); limited permits 8 (3); humanitarian 2 (6); protection 1.
      expect(s.immigration.reflectionPeriods).toEqual(cell(8));
      expect(s.compareTo.immigration.reflectionPeriods).toEqual(cell(16));
      expect(row(s.immigration.residencePermitsByKind, 'LIMITED_TRAFFICKING')).toEqual(cell(8));
      expect(row(s.compareTo.immigration.residencePermitsByKind, 'LIMITED_TRAFFICKING')).toEqual(cell(3));
      expect(row(s.immigration.residencePermitsByKind, 'HUMANITARIAN')).toEqual(cell(2));
      expect(row(s.compareTo.immigration.residencePermitsByKind, 'HUMANITARIAN')).toEqual(cell(6));
      expect(row(s.immigration.residencePermitsByKind, 'PROTECTION')).toEqual(cell(1));
      // Victims paid compensation 5, 446,000 NOK in total.
      expect(s.police.victimsPaidCompensation).toEqual(cell(5));
      expect(s.police.compensationPaidNok).toEqual(cell(446_000));
      // NGO grants: Parliament 35,000,000 (35,000,000); Oslo municipality 3,000,000 (4,000,000).
      expect(row(s.ngo.grantsBySource, 'Parliament')).toEqual(cell(35_000_000));
      expect(row(s.compareTo.ngo.grantsBySource, 'Parliament')).toEqual(cell(35_000_000));
      expect(row(s.ngo.grantsBySource, 'Oslo municipality')).toEqual(cell(3_000_000));
      expect(row(s.compareTo.ngo.grantsBySource, 'Oslo municipality')).toEqual(cell(4_000_000));
      expect(s.police.victimsInCustodyOrPrison).toEqual(cell(1));
    });

    it('counts fewer persons than registrations, and duplicates = registrations − persons, in both years', async () => {
      const s = await statistics(COORDINATOR);
      for (const y of [s, s.compareTo]) {
        expect(y.persons.count.value).toBeLessThan(y.registrations.value);
        expect(y.duplicates.value).toBe(y.registrations.value - y.persons.count.value);
        expect(y.byRegisteringAgency.reduce((t: number, a: { registrations: { value: number } }) => t + a.registrations.value, 0)).toBe(y.registrations.value);
      }
      expect(s.year).toBe(2021);
      expect(s.compareTo.year).toBe(2020);
      expect(s.ngo.clientRecordsAssisted.value).toBeGreaterThanOrEqual(s.ngo.personsAssisted.value);
    });

    it('gives the NRM working group no figure from 1 to 4 and no lone suppressed cell beside a published total', async () => {
      const s = await statistics(WORKING_GROUP);
      const cells: { value: number | null; suppressed: boolean }[] = [];
      JSON.stringify(s, (k, v) => {
        // Duplicates and open reviews count registrations and reviews, not persons; grants are money to organisations.
        if (k === 'duplicates' || k === 'openLinkReviews' || k === 'grantsBySource') return undefined;
        if (v && typeof v === 'object' && 'suppressed' in v) cells.push(v);
        return v;
      });
      expect(cells.length).toBeGreaterThan(80);
      for (const c of cells) {
        if (c.suppressed) expect(c.value).toBeNull();
        else expect(c.value === 0 || c.value! >= 5).toBe(true);
      }
      // The one child and the one victim found in prison are withheld, not shown as 0.
      const government = s.identifiedBy.find((x: { sector: string }) => x.sector === 'GOVERNMENT');
      expect(row(government.byAgeGroup, 'CHILD')).toEqual({ value: null, suppressed: true });
      expect(s.childWelfare.childVictimsAssisted).toEqual({ value: null, suppressed: true });
      expect(s.police.victimsInCustodyOrPrison).toEqual({ value: null, suppressed: true });
      // Total minus the other cells gives nothing: the government's age groups hide at least two cells.
      expect(government.byAgeGroup.filter((r: { count: { suppressed: boolean } }) => r.count.suppressed).length).toBeGreaterThanOrEqual(2);
      // Large figures stay published.
      expect(s.ngo.personsAssisted).toEqual(cell(82));
      expect(s.immigration.reflectionPeriods).toEqual(cell(8));
      expect(s.police.victimsPaidCompensation).toEqual(cell(5));
    });

    it('exports the 2021 persons as HTCDS rows, one per person, with no quasi-identifier class below k = 11', async () => {
      const s = await statistics(COORDINATOR);
      const persons = await personRecords(hub.databases.nrm.db as never, 2021);
      expect(persons).toHaveLength(s.persons.count.value);
      const result = kAnonymise(
        persons.map((p) => toHtcdsRow(p, 2021)),
        11,
      );
      expect(result.rows.length + result.suppressedRows).toBe(persons.length);
      const sizes = new Map<string, number>();
      for (const r of result.rows) sizes.set(classKey(r), (sizes.get(classKey(r)) ?? 0) + 1);
      expect(Math.min(...sizes.values())).toBeGreaterThanOrEqual(11);
      expect(toCsv(result.rows).split('\n')[0]).toBe(HTCDS_COLUMNS.map((c) => c.name).join(','));
      // The one child is not identifiable: no exported row says 9-17 unless at least 11 rows do.
      expect(result.rows.filter((r) => r.nrm_AgeBand === '9-17').length === 0 || result.rows.filter((r) => r.nrm_AgeBand === '9-17').length >= 11).toBe(true);
    });

    it('writes the report from the working group’s figures: suppressed cells say so, the large ones are there', async () => {
      const { body } = await hub.query(REPORT_QUERY, { year: 2021, previous: 2020 }, await hub.as(WORKING_GROUP));
      expect(body.errors).toBeUndefined();
      const { markdown, charts } = renderReport(body.data.statistics);
      expect(markdown).toContain('| Children identified by government bodies | suppressed | 0 | – |');
      expect(markdown).toContain('| Children assisted by child welfare | suppressed | 0 | – |');
      expect(markdown).toContain('| Persons assisted by NGOs | 82 |');
      expect(markdown).toContain('| Reflection periods granted | 8 | 16 | -8 |');
      expect(Object.keys(charts).sort()).toEqual([
        'comparison-2020.svg',
        'persons-by-exploitation.svg',
        'persons-by-status.svg',
        'persons-vs-registrations.svg',
      ]);
      for (const svg of Object.values(charts)) expect(svg).toMatch(/^<svg [^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"[\s\S]*<\/svg>\n$/);
      expect(charts['comparison-2020.svg']).toContain('suppressed');
    });

    it('moves the persons bounds when an uncertain match opens a link review', async () => {
      const before = (await statistics(COORDINATOR)).persons;
      const person = (birthDate?: string, familyName = 'Boundaj') => ({ givenNames: 'Arta', familyName, birthDate, gender: 'FEMININE', citizenships: ['AL'] });
      const police = await hub.as({ agency: 'police', roles: ['investigator'], purpose: 'OSL-2021-0001' });
      const first = await hub.query(
        `mutation($i: PoliceRegisterPotentialVictimInput!) { policeRegisterPotentialVictim(input: $i) { outcome { victimId } } }`,
        {
          i: {
            idempotencyKey: 'bounds-police-1',
            person: person('1992-04-09'),
            decision: { status: 'POSSIBLE', decidedBy: 'POLICE', exploitationTypes: ['FORCED_LABOUR'], decidedOn: '2021-10-01' },
          },
        },
        police,
      );
      expect(first.body.errors).toBeUndefined();
      const immigration = await hub.as({ agency: 'immigration', roles: ['caseworker'], purpose: 'UDI-2021-5' });
      const second = await hub.query(
        `mutation($i: ImmigrationRegisterPotentialVictimInput!) { immigrationRegisterPotentialVictim(input: $i) { outcome { victimId matchedExisting } } }`,
        {
          i: {
            idempotencyKey: 'bounds-udi-1',
            person: person(undefined, 'Bounda'),
            decision: { status: 'POSSIBLE', decidedBy: 'NON_POLICE_GOVERNMENT', exploitationTypes: ['FORCED_LABOUR'], decidedOn: '2021-10-02' },
          },
        },
        immigration,
      );
      expect(second.body.errors).toBeUndefined();
      // A letter missing from the family name and no birth date: a new victim pending a link review. (The same
      // rare name alone now joins.)
      expect(second.body.data.immigrationRegisterPotentialVictim.outcome.matchedExisting).toBe(false);
      expect(second.body.data.immigrationRegisterPotentialVictim.outcome.victimId).not.toBe(first.body.data.policeRegisterPotentialVictim.outcome.victimId);
      const after = (await statistics(COORDINATOR)).persons;
      expect(after.count).toEqual(cell(before.count.value + 2));
      expect(after.upperBound).toEqual(cell(before.count.value + 2));
      expect(after.lowerBound).toEqual(cell(before.lowerBound.value + 1));
      expect(after.openLinkReviews).toEqual(cell(before.openLinkReviews.value + 1));
    });
  });
}

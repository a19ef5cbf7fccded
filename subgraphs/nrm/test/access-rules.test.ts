import { describe, expect, it } from 'vitest';
import { agencyKind, scopesFor, type Viewer } from '@nrm-hub/kit';
import { checkReferralMove, maySeeReferral, maySeeRegistration } from '../src/rules/access.ts';

const viewer = (agency: string, roles = ['caseworker']): Viewer => ({
  subject: `rules-${agency}`,
  agency,
  agencyKind: agencyKind(agency),
  roles,
  purpose: 'CASE-2021-17',
  scopes: scopesFor(agency, roles),
  policies: ['purpose'],
  token: 'x.y.z',
});
const moves = (agency: string, referral: { fromAgency: string; target: string; sentBy?: string | null; answeredBy?: string | null }) =>
  ['ACCEPTED', 'DECLINED', 'COMPLETED'].filter((state) => {
    try {
      checkReferralMove(viewer(agency), referral, state);
      return true;
    } catch {
      return false;
    }
  });

describe('who may move a referral', () => {
  it('lets only the receiver answer, and the sender or the receiver complete', () => {
    const toUdi = { fromAgency: 'NGO', target: 'IMMIGRATION_REFLECTION_PERIOD', sentBy: 'ngo:rosa' };
    expect(moves('immigration', toUdi)).toEqual(['ACCEPTED', 'DECLINED', 'COMPLETED']);
    expect(moves('ngo:rosa', toUdi)).toEqual(['COMPLETED']);
    expect(moves('police', toUdi)).toEqual([]);
    expect(moves('child-welfare', toUdi)).toEqual([]);
    expect(moves('coordinating-unit', toUdi)).toEqual([]);
    expect(moves('nrm-working-group', toUdi)).toEqual([]);
  });

  it('lets only the NGO that sent a referral complete it as the sender, and only the NGO that answered one complete it as the receiver', () => {
    const fromRosa = { fromAgency: 'NGO', target: 'POLICE', sentBy: 'ngo:rosa' };
    expect(moves('ngo:rosa', fromRosa)).toEqual(['COMPLETED']);
    expect(moves('ngo:other', fromRosa)).toEqual([]);
    // No sending organisation on record: no NGO may act as its sender.
    expect(moves('ngo:rosa', { fromAgency: 'NGO', target: 'POLICE', sentBy: null })).toEqual([]);
    const toShelter = { fromAgency: 'POLICE', target: 'NGO_SHELTER', sentBy: 'police' };
    // Unanswered: any NGO may answer it (completing it first is the state machine's INVALID_STATE).
    expect(moves('ngo:rosa', toShelter)).toEqual(['ACCEPTED', 'DECLINED', 'COMPLETED']);
    expect(moves('ngo:rosa', { ...toShelter, answeredBy: 'ngo:rosa' })).toEqual(['ACCEPTED', 'DECLINED', 'COMPLETED']);
    expect(moves('ngo:other', { ...toShelter, answeredBy: 'ngo:rosa' })).toEqual(['ACCEPTED', 'DECLINED']);
    expect(moves('police', { ...toShelter, answeredBy: 'ngo:rosa' })).toEqual(['COMPLETED']);
  });

  it('has the coordinating unit answer for services without a subgraph', () => {
    expect(moves('coordinating-unit', { fromAgency: 'POLICE', target: 'LEGAL_AID' })).toEqual(['ACCEPTED', 'DECLINED', 'COMPLETED']);
    expect(moves('police', { fromAgency: 'POLICE', target: 'HEALTH' })).toEqual(['COMPLETED']);
  });
});

describe('who may see a registration', () => {
  const ngo = { agency: 'NGO', registeredBy: 'ngo:rosa' };
  it('shows an NGO registration only to its organisation and the coordinating unit', () => {
    expect(maySeeRegistration(viewer('ngo:rosa'), ngo)).toBe(true);
    expect(maySeeRegistration(viewer('coordinating-unit', ['analyst']), ngo)).toBe(true);
    expect(maySeeRegistration(viewer('ngo:other'), ngo)).toBe(false);
    expect(maySeeRegistration(viewer('police'), ngo)).toBe(false);
    expect(maySeeRegistration(viewer('immigration'), ngo)).toBe(false);
    expect(maySeeRegistration(viewer('ngo:rosa'), { agency: 'NGO', registeredBy: null })).toBe(false);
  });

  it('shows a public authority’s registration to every reader', () => {
    expect(maySeeRegistration(viewer('ngo:other'), { agency: 'POLICE', registeredBy: 'police' })).toBe(true);
  });
});

describe('the write scopes', () => {
  it('gives link-review writes to the coordinator only and organisation writes to the administrator only', () => {
    expect(scopesFor('coordinating-unit', ['coordinator'])).toContain('link-review:write');
    expect(scopesFor('coordinating-unit', ['analyst'])).not.toContain('link-review:write');
    expect(scopesFor('coordinating-unit', ['analyst'])).toContain('link-review');
    expect(scopesFor('coordinating-unit', ['administrator'])).toContain('organisation:write');
    for (const agency of ['ngo:rosa', 'police', 'immigration', 'child-welfare']) {
      expect(scopesFor(agency, ['administrator', 'worker', 'caseworker', 'coordinator'])).not.toContain('organisation:write');
      expect(scopesFor(agency, ['administrator', 'worker', 'caseworker', 'coordinator'])).not.toContain('nrm:service');
    }
  });
});

describe('who may see a referral', () => {
  const fromRosa = { fromAgency: 'NGO', target: 'IMMIGRATION_REFLECTION_PERIOD', sentBy: 'ngo:rosa' };
  it('shows an NGO’s referral only to its organisation, its receiver and the coordinating unit', () => {
    expect(maySeeReferral(viewer('ngo:rosa'), fromRosa)).toBe(true);
    expect(maySeeReferral(viewer('immigration'), fromRosa)).toBe(true);
    expect(maySeeReferral(viewer('coordinating-unit', ['analyst']), fromRosa)).toBe(true);
    for (const agency of ['ngo:other', 'police', 'child-welfare', 'nrm-working-group', 'data-protection'])
      expect(maySeeReferral(viewer(agency), fromRosa)).toBe(false);
    expect(maySeeReferral(null, fromRosa)).toBe(false);
    // No sending organisation on record: not even an NGO sees it as its sender.
    expect(maySeeReferral(viewer('ngo:rosa'), { ...fromRosa, sentBy: null })).toBe(false);
  });

  it('shows a public authority’s referral to every reader of victims', () => {
    expect(maySeeReferral(viewer('ngo:other'), { fromAgency: 'POLICE', target: 'NGO_SHELTER', sentBy: 'police' })).toBe(true);
    expect(maySeeReferral(viewer('child-welfare'), { fromAgency: 'IMMIGRATION', target: 'HEALTH', sentBy: null })).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import type { VictimViewQuery } from '../src/gql/graphql.ts';
import { timelineOf } from '../src/pages/timeline.ts';

type Victim = NonNullable<VictimViewQuery['victim']>;

describe('the cross-agency timeline', () => {
  it('puts every agency’s dated events in order and skips refused (null) parts and records', () => {
    const v = {
      registrations: [{ agency: 'NGO', status: 'POSSIBLE', decidedOn: '2021-03-01' }],
      referrals: [
        {
          fromAgency: 'NGO',
          target: 'IMMIGRATION_REFLECTION_PERIOD',
          state: 'ACCEPTED',
          sentAt: '2021-03-02T10:00:00Z',
          answeredAt: '2021-03-05T09:00:00Z',
          completedAt: null,
        },
      ],
      history: [],
      police: null,
      immigration: [
        { reflectionPeriods: [{ grantedAt: '2021-03-10', endsAt: '2021-09-10' }], residencePermits: [], asylumDecisions: [], returnProceedings: [] },
      ],
      childWelfare: null,
      assistance: [null, { assistanceEpisodes: [{ type: 'SHELTER', startedAt: '2021-02-20', endedAt: null }], consents: [] }],
    } as unknown as Victim;
    expect(timelineOf(v).map((e) => [e.at.slice(0, 10), e.agency, e.kind])).toEqual([
      ['2021-02-20', 'NGO', 'assistanceStarted'],
      ['2021-03-01', 'NRM', 'registration'],
      ['2021-03-02', 'NRM', 'referralSent'],
      ['2021-03-05', 'NRM', 'referralAnswered'],
      ['2021-03-10', 'IMMIGRATION', 'reflectionGranted'],
      ['2021-09-10', 'IMMIGRATION', 'reflectionEnds'],
    ]);
  });
});

import { Alert, SafeguardsMutation, SafeguardsQuery, SafeguardsVictim } from './Alert.ts';
import { LinkReview } from './LinkReview.ts';
import { Mutation } from './Mutation.ts';
import { Query } from './Query.ts';
import { Referral } from './Referral.ts';
import { Statistics, StatisticsQuery } from './Statistics.ts';
import { Victim } from './Victim.ts';

export const resolvers = {
  Query: { ...Query, ...SafeguardsQuery, ...StatisticsQuery },
  Mutation: { ...Mutation, ...SafeguardsMutation },
  Victim: { ...Victim, ...SafeguardsVictim },
  Referral,
  LinkReview,
  Alert,
  Statistics,
};

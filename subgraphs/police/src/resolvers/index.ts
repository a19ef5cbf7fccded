import { Mutation } from './Mutation.ts';
import { Query } from './Query.ts';
import { PolicePerson, SafeguardsMutation, SafeguardsQuery } from './Safeguards.ts';
import { PoliceStatistics, Statistics } from './Statistics.ts';
import { Victim } from './Victim.ts';

export const resolvers = {
  Query: { ...Query, ...SafeguardsQuery },
  Mutation: { ...Mutation, ...SafeguardsMutation },
  Victim,
  PolicePerson,
  Statistics,
  PoliceStatistics,
};

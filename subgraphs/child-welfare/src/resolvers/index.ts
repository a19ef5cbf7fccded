import { Mutation } from './Mutation.ts';
import { Query } from './Query.ts';
import { ChildCase, SafeguardsMutation, SafeguardsQuery, SafeguardsVictim } from './Safeguards.ts';
import { ChildWelfareStatistics, Statistics } from './Statistics.ts';
import { Victim } from './Victim.ts';

export const resolvers = {
  Query: { ...Query, ...SafeguardsQuery },
  Mutation: { ...Mutation, ...SafeguardsMutation },
  Victim: { ...Victim, ...SafeguardsVictim },
  ChildCase,
  Statistics,
  ChildWelfareStatistics,
};

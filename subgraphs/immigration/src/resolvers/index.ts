import { Mutation } from './Mutation.ts';
import { Query } from './Query.ts';
import { Applicant, ReturnProceeding, SafeguardsMutation, SafeguardsQuery, SafeguardsVictim } from './Safeguards.ts';
import { ImmigrationStatistics, Statistics } from './Statistics.ts';
import { Victim } from './Victim.ts';

export const resolvers = {
  Query: { ...Query, ...SafeguardsQuery },
  Mutation: { ...Mutation, ...SafeguardsMutation },
  Victim: { ...Victim, ...SafeguardsVictim },
  Applicant,
  ReturnProceeding,
  Statistics,
  ImmigrationStatistics,
};

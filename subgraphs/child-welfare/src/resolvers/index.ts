import { Mutation } from './Mutation.ts';
import { Query } from './Query.ts';
import { ChildWelfareStatistics, Statistics } from './Statistics.ts';
import { Victim } from './Victim.ts';

export const resolvers = { Query, Mutation, Victim, Statistics, ChildWelfareStatistics };

import { Mutation } from './Mutation.ts';
import { Query } from './Query.ts';
import { NgoClient, ScreeningMutation } from './Screening.ts';
import { NgoStatistics, Statistics } from './Statistics.ts';
import { Victim } from './Victim.ts';

export const resolvers = { Query, Mutation: { ...Mutation, ...ScreeningMutation }, Victim, NgoClient, Statistics, NgoStatistics };

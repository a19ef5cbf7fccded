import { Mutation } from './Mutation.ts';
import { Query } from './Query.ts';
import { NgoClient, ScreeningMutation } from './Screening.ts';
import { Victim } from './Victim.ts';

export const resolvers = { Query, Mutation: { ...Mutation, ...ScreeningMutation }, Victim, NgoClient };

import { candidatePairs } from './blocking.ts';
import { fitModel, type MatchModel } from './match-model.ts';

/** Candidates per registration when fitting (as many as matching compares). */
const FIT_CANDIDATES = 150;

/** Fits the match model to CLKs in arrival order, `total` being the registry's size (the CLKs may be a sample of it). */
export function fitRegistry(clks: readonly Uint8Array[], total = clks.length): MatchModel {
  const fitted = fitModel(clks, candidatePairs(clks, FIT_CANDIDATES));
  // A sample of s of n registrations holds each matching pair with probability (s/n)^2, so
  // (s/n) of each registration's matches: scale back to the whole registry.
  return { ...fitted, matchesPerRegistration: (fitted.matchesPerRegistration * total) / Math.max(clks.length, 1), fittedOn: total };
}

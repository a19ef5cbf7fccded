import type { MatchModel } from './match-model.ts';

/**
 * The model the NRM decides with until it installs one fitted to its own
 * registry: m and u estimated without labels (`fitModel`, EM) on the
 * benchmark's own synthetic population, seed 2021, 10,000 people in 14,286
 * registrations (`npx tsx test/bench/fit-model.ts --population own --seed 2021`).
 * That population has no mistyped birth years, so this model gives that
 * level a strongly negative weight; a model fitted on a registry where they
 * occur (Febrl) learns otherwise.
 */
export const DEFAULT_MODEL: MatchModel = {
  m: {
    name: [0.7769, 0.1113, 0.09869, 0.0006354, 0.01227, 0.0002507],
    date: [0.6655, 0.0667, 0.1672, 0.00001171, 0.00002068, 0.09996, 0.00002611, 0.0006372],
    sex: [1, 0.00001541],
    citizenship: [0.9461, 0.00001402, 0.05389],
  },
  u: {
    name: [0.0000525, 0.0000225, 0.0002675, 0.0000275, 0.006497, 0.9931],
    date: [0.00009224, 0.00355, 0.002912, 0.0001291, 0.003265, 0.047, 0.01694, 0.9261],
    sex: [0.9656, 0.03445],
    citizenship: [0.9005, 0.0003604, 0.0991],
  },
  matchesPerRegistration: 0.7397,
  fittedOn: 14286,
};

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
    name: [0.752, 0.1077, 0.09553, 0.0006151, 0.0119, 0.03223, 3.45e-05],
    date: [0.6655, 0.0667, 0.1672, 1.171e-05, 2.068e-05, 0.09996, 2.611e-05, 0.0006372],
    sex: [1, 1.551e-05],
    citizenship: [0.9461, 1.374e-05, 0.05385],
  },
  u: {
    name: [5.25e-05, 2.25e-05, 0.0002675, 2.75e-05, 0.006497, 0.4802, 0.5129],
    date: [9.224e-05, 0.00355, 0.002912, 0.0001291, 0.003265, 0.047, 0.01694, 0.9261],
    sex: [0.9656, 0.03445],
    citizenship: [0.9005, 0.0003604, 0.0991],
  },
  matchesPerRegistration: 0.7642,
  fittedOn: 14286,
};

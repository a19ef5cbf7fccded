import type { MatchModel } from './match-model.ts';

/**
 * The model the NRM decides with until it installs one fitted to its own
 * registry: m and u estimated without labels (`fitModel`, EM) on the
 * benchmark's own synthetic population, seed 2021, 10,000 people in 14,286
 * registrations (`npx tsx test/bench/fit-model.ts --population own --seed 2021`).
 * That population has no mistyped birth years, so this model gives those
 * levels strongly negative weights; a model fitted on a registry where they
 * occur (Febrl, the second generator) learns otherwise.
 */
export const DEFAULT_MODEL: MatchModel = {
  m: {
    name: [0.752, 0.1077, 0.09553, 0.0006151, 0.0119, 0.03223, 3.45e-5],
    date: [0.6621, 0.06635, 0.1663, 2.665e-5, 1.165e-5, 0.1, 0.0004829, 0.000288, 1.165e-5, 0.002772, 0.0009775, 0.0006485],
    sex: [1, 1.436e-5],
    citizenship: [0.9455, 1.371e-5, 0.05452],
  },
  u: {
    name: [5.25e-5, 2.25e-5, 0.0002675, 2.75e-5, 0.006497, 0.4802, 0.5129],
    date: [9.224e-5, 0.003629, 0.002912, 0.01686, 0.0001291, 0.006049, 0.007493, 0.03346, 0.0009831, 0.04, 0.03204, 0.8563],
    sex: [0.9639, 0.03605],
    citizenship: [0.8993, 0.0003932, 0.1003],
  },
  matchesPerRegistration: 0.7681,
  fittedOn: 14286,
  rareNameFactor: 0.6995,
};

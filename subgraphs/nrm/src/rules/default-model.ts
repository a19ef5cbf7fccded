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
    name: [0.7224, 0.1017, 0.09387, 0.0008833, 0.01454, 0.02211, 0.04441, 8.823e-5],
    date: [0.6616, 0.06166, 0.004878, 0.1663, 2.581e-5, 1.167e-5, 0.1012, 0.0007455, 0.001678, 1.167e-5, 0.001132, 0.0001836, 0.0006345],
    sex: [1, 1.658e-5],
    citizenship: [0.9459, 1.338e-5, 0.05413],
  },
  u: {
    name: [9.239e-6, 2.772e-5, 0.0002495, 4.62e-5, 0.009988, 0.09483, 0.5161, 0.3788],
    date: [6.26e-5, 0.001162, 0.00272, 0.002887, 0.01713, 0.0002017, 0.005877, 0.007422, 0.0333, 0.000939, 0.04021, 0.03266, 0.8554],
    sex: [1, 0.04167],
    citizenship: [0.9459, 0.0003614, 0.09794],
  },
  matchesPerRegistration: 0.8022,
  fittedOn: 14286,
  rareNameFactor: 0.6974,
};

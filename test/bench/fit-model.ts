/**
 * Fits the match model (EM, no labels) to a benchmark population and prints it as JSON, for
 * `subgraphs/nrm/src/rules/default-model.ts`:
 *
 *   npx tsx test/bench/fit-model.ts [--population own] [--seed 2021] [--people 10000]
 */
import { parseArgs } from 'node:util';
import { clkFromBase64, normalisePerson, nrmRegistrationRequest } from '@nrm-hub/kit';
import { CANDIDATE_LIMIT } from '@nrm-hub/nrm/matching';
import { candidatePairs } from '@nrm-hub/nrm/blocking';
import { fitModel } from '@nrm-hub/nrm/match-model';
import { febrl, generated, generatorFor, type PopulationName } from './populations.ts';

const { values } = parseArgs({
  options: { population: { type: 'string', default: 'own' }, seed: { type: 'string', default: '2021' }, people: { type: 'string', default: '10000' } },
});
const name = values.population as PopulationName;
const regs = name === 'own' || name === 'geco' ? generated(generatorFor(name, Number(values.seed))!, Number(values.people), 0.3) : febrl(name);
const clks = regs.map((r, i) => {
  const req = nrmRegistrationRequest({
    agency: r.agency,
    agencyRecordId: '00000000-0000-4000-a000-000000000000',
    idempotencyKey: `fit-${i}`,
    linkageSecret: 'bench-linkage-secret-0123456789abcdef',
    person: normalisePerson(r.person),
    decision: { status: 'POSSIBLE', decidedBy: 'POLICE', exploitationTypes: ['SEXUAL_EXPLOITATION'], decidedOn: '2021-06-01' },
  });
  return clkFromBase64(req.clk)!;
});
const model = fitModel(clks, candidatePairs(clks, CANDIDATE_LIMIT));
const round = (xs: number[]) => xs.map((x) => Number(x.toPrecision(4)));
console.log(
  JSON.stringify(
    {
      m: Object.fromEntries(Object.entries(model.m).map(([k, v]) => [k, round(v)])),
      u: Object.fromEntries(Object.entries(model.u).map(([k, v]) => [k, round(v)])),
      matchesPerRegistration: Number(model.matchesPerRegistration.toPrecision(4)),
      fittedOn: model.fittedOn,
      rareNameFactor: Number((model.rareNameFactor ?? 1).toPrecision(4)),
    },
    null,
    2,
  ),
);

import { describe, expect, it } from 'vitest';
import { barChart, renderReport, show, type ReportFigures } from '../src/report-render.ts';

const c = (value: number) => ({ value, suppressed: false });
const S = { value: null, suppressed: true };

function figures(year: number, children: typeof S | ReturnType<typeof c>): ReportFigures {
  return {
    year,
    registrations: c(110),
    duplicates: c(23),
    persons: { count: c(87), lowerBound: c(85), upperBound: c(87), openLinkReviews: c(2) },
    byRegisteringAgency: [
      { agency: 'NGO', registrations: c(82), persons: c(82) },
      { agency: 'CHILD_WELFARE', registrations: S, persons: S },
    ],
    identifiedBy: [{ sector: 'GOVERNMENT', persons: c(27), byAgeGroup: [{ key: 'CHILD', count: children }] }],
    personsByStatus: [{ key: 'ACTUAL', label: 'Identified (actual) victims', count: c(5) }],
    personsByExploitation: [
      { key: 'SEXUAL_EXPLOITATION', count: c(60) },
      { key: 'ORGAN_REMOVAL', count: c(0) },
    ],
    police: { victimsPaidCompensation: c(5), compensationPaidNok: c(446_000), convictions: S },
    immigration: { reflectionPeriods: c(8), residencePermitsByKind: [{ key: 'LIMITED_TRAFFICKING', count: c(8) }] },
    childWelfare: { childVictimsAssisted: children },
    ngo: null,
  };
}

describe('the statistics report', () => {
  it('writes a suppressed figure as "suppressed", never 0, and shows no change next to one', () => {
    const { markdown } = renderReport({ ...figures(2021, S), compareTo: figures(2020, c(6)) });
    expect(markdown).toContain('| Children identified by government bodies | suppressed | 6 | – |');
    expect(markdown).toContain('| Compensation paid, NOK | 446,000 | 446,000 | +0 |');
    expect(markdown).toContain('| Persons assisted by NGOs | not available | not available | – |'); // the NGO subgraph did not answer
    expect(markdown).toContain('between 85 and 87 while 2 possible duplicates await review');
    expect(show(S)).toBe('suppressed');
  });

  it('draws suppressed bars hatched and labelled, and each figure as its own bar', () => {
    const svg = barChart('Test', ['a', 'b'], [{ label: 'x', cells: [c(10), S] }]);
    expect(svg).toContain('fill="url(#hatch)"');
    expect(svg).toContain('>suppressed<');
    expect(svg).toContain('>10<');
    expect(svg.match(/<rect /g)).toHaveLength(4); // two legend keys, one bar, one hatched box
  });

  it('leaves out empty exploitation types and makes a comparison chart only with a second year', () => {
    const { charts, markdown } = renderReport(figures(2021, c(7)));
    expect(Object.keys(charts)).not.toContain('comparison-2020.svg');
    expect(markdown).not.toContain('Organ removal');
  });
});

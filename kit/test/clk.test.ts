import { describe, expect, it } from 'vitest';
import { CLK_BYTES, CLK_SEGMENTS, clkFromBase64, clkToBase64, compareClks, encodeClk, popcount, type ClkPerson } from '../src/linkage/clk.ts';
import { personMatchKeys } from '../src/agency/match-keys.ts';
import { normalisePerson } from '../src/agency/person.ts';

const SECRET = 'clk-test-secret-0123456789abcdef0';
const ana: ClkPerson = { givenNames: 'Ana Maria', familyName: 'Testescu', birthDate: '1995-03-14', gender: 'FEMININE', citizenships: ['RO'] };

describe('CLK encoding', () => {
  it('is 1024 bits, deterministic for one secret and different under another', () => {
    const clk = encodeClk(SECRET, ana);
    expect(clk).toHaveLength(CLK_BYTES);
    expect([...encodeClk(SECRET, ana)]).toEqual([...clk]);
    const other = encodeClk('another-secret-0123456789abcdef01', ana);
    expect(compareClks(clk, other).dice).toBeLessThan(0.6);
  });

  it('keeps each field in its own segment, leaving an unknown birth date empty', () => {
    const clk = encodeClk(SECRET, { ...ana, birthDate: null });
    const { dayMonth, birthYear } = CLK_SEGMENTS;
    const bitsIn = (from: number, length: number) => {
      let n = 0;
      for (let i = from; i < from + length; i += 1) n += (clk[i >> 3]! >> (i & 7)) & 1;
      return n;
    };
    expect(bitsIn(dayMonth.start, dayMonth.length)).toBe(0);
    expect(bitsIn(birthYear.start, birthYear.length)).toBe(0);
    expect(compareClks(clk, encodeClk(SECRET, ana)).segments).toEqual({ name: 1, sex: 1, citizenship: 1 });
  });

  it('round-trips through base64 and refuses anything but 128 canonical bytes', () => {
    const clk = encodeClk(SECRET, ana);
    expect([...clkFromBase64(clkToBase64(clk))!]).toEqual([...clk]);
    expect(clkFromBase64(Buffer.alloc(127).toString('base64'))).toBeNull();
    expect(clkFromBase64('not base64!')).toBeNull();
    expect(clkFromBase64(`${clkToBase64(clk)}\n`)).toBeNull();
  });

  it('sets about a quarter of the bits for a typical person', () => {
    const fill = popcount(encodeClk(SECRET, ana)) / (CLK_BYTES * 8);
    expect(fill).toBeGreaterThan(0.1);
    expect(fill).toBeLessThan(0.4);
  });

  it('sends neither names nor numbers: the match keys are hashes and a bit array', () => {
    const person = normalisePerson({
      givenNames: 'Ana Maria',
      familyName: 'Testescu',
      birthDate: '1995-03-14',
      gender: 'FEMININE',
      citizenships: ['RO'],
      identifiers: [{ type: 'DUF_NUMMER', value: '201212345603' }],
    });
    const keys = personMatchKeys(SECRET, person);
    expect(keys.identifierHashes).toEqual([expect.stringMatching(/^[0-9a-f]{64}$/)]);
    const decoded = Buffer.from(keys.clk, 'base64').toString('latin1').toLowerCase();
    for (const plain of ['testescu', 'ana', '1995', '201212345603']) expect(decoded).not.toContain(plain);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generatedFiles } from '../src/codegen.ts';

describe('the generated types', () => {
  it('are up to date with the SDL (npm run codegen)', async () => {
    for (const { file, text } of await generatedFiles()) expect(readFileSync(file, 'utf8'), file).toBe(text);
  });
});

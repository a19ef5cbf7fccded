import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generatedFiles } from '../src/codegen.ts';

describe('the generated files', () => {
  it('are up to date with their one source: types from the SDL, the audit trigger migration from the kit (npm run codegen)', async () => {
    for (const { file, text } of await generatedFiles()) expect(readFileSync(file, 'utf8'), file).toBe(text);
  });
});

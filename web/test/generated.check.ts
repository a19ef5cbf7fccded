import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { generate } from '@graphql-codegen/cli';
import { describe, expect, it } from 'vitest';
import config from '../codegen.ts';

const web = resolve(import.meta.dirname, '..');

describe('the web app’s generated operation types', () => {
  it('are what codegen makes from today’s operations and supergraph (npm run codegen)', async () => {
    const outputs = (await generate({ ...config, cwd: web, silent: true }, false)) as { filename: string; content: string }[];
    expect(outputs.length).toBeGreaterThan(2);
    for (const { filename, content } of outputs) {
      expect(readFileSync(resolve(web, filename), 'utf8'), `${filename} is stale: run npm run codegen`).toBe(content);
    }
  }, 120_000);
});

/**
 * src/contract is importable by value in the browser: bundled for the browser
 * platform it must pull in nothing but src/contract, src/core and zod, and no
 * Node builtin. The lint rule holds each import; this holds what they reach.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { Plugin } from 'esbuild';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const ALLOWED = ['src/contract/', 'src/core/', 'node_modules/zod/'];

/** Bundles `contents` (as a file in test/contract) and lists every file it reached. */
async function bundle(contents: string) {
  const reached: string[] = [];
  const watch: Plugin = {
    name: 'reached',
    setup(b) {
      b.onLoad({ filter: /.*/ }, (args) => {
        reached.push(path.relative(ROOT, args.path).split(path.sep).join('/'));
        return undefined;
      });
    },
  };
  const result = await build({
    stdin: { contents, resolveDir: path.join(ROOT, 'test/contract'), loader: 'ts' },
    bundle: true,
    platform: 'browser',
    format: 'esm',
    write: false,
    logLevel: 'silent',
    plugins: [watch],
  }).catch((error: { errors?: { text: string }[] }) => ({
    errors: error.errors ?? [{ text: String(error) }],
    outputFiles: [],
  }));
  return { result, reached };
}

describe('the contract in the browser', () => {
  it('bundles for the browser from src/contract, src/core and zod alone', async () => {
    const { result, reached } = await bundle(
      `import * as contract from '../../src/contract';
       export const schemas = Object.keys(contract.CommandInputs);
       export const parsed = contract.CommandInputs['session.login'].safeParse({ pin: '1234' });
       export { contract };`,
    );
    expect(result.errors.map((e) => e.text)).toEqual([]);
    expect(result.outputFiles[0]!.text.length).toBeGreaterThan(0);
    expect(reached.filter((f) => !ALLOWED.some((a) => f.startsWith(a)))).toEqual([]);
    expect(reached).toContain('src/contract/commands/index.ts');
  });

  it('the check refuses what reaches the store or Node (the service as it was before the contract)', async () => {
    const { result, reached } = await bundle(`export * from '../../src/service/devices/settings';`);
    const refused =
      result.errors.some((e) => /node:|better-sqlite3/.test(e.text)) ||
      reached.some((f) => !ALLOWED.some((a) => f.startsWith(a)));
    expect(refused).toBe(true);
  });

  it('the contract runs in this process too: a form may use the schema by value', async () => {
    const { CommandInputs } = await import('../../src/contract');
    expect(CommandInputs['session.login'].safeParse({ pin: '12' }).success).toBe(false);
    expect(CommandInputs['session.login'].safeParse({ pin: '1234' }).success).toBe(true);
  });
});

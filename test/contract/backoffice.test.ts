/**
 * The back office's contract (src/contract/backoffice) is importable by value
 * in the browser: bundled for the browser platform it pulls in nothing but
 * src/contract, src/core and zod, and no Node builtin; its declarations keep
 * their rules.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { Plugin } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { BO_COMMAND_NAMES, BO_COMMANDS } from '../../src/contract/backoffice';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const ALLOWED = ['src/contract/', 'src/core/', 'node_modules/zod/'];

describe('the back office’s contract', () => {
  it('bundles for the browser from src/contract, src/core and zod alone', async () => {
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
      stdin: {
        contents: `import * as bo from '../../src/contract/backoffice';
          export const names = bo.BO_COMMAND_NAMES;
          export const ok = bo.BO_COMMANDS['session.logIn'].input.safeParse({ email: 'a@b.no', password: 'x' });`,
        resolveDir: path.join(ROOT, 'test/contract'),
        loader: 'ts',
      },
      bundle: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      logLevel: 'silent',
      plugins: [watch],
    });
    expect(result.errors).toEqual([]);
    expect(reached.filter((f) => !ALLOWED.some((a) => f.startsWith(a)))).toEqual([]);
    expect(reached).toContain('src/contract/backoffice/commands.ts');
  });

  it('declares every command with a role and a scope that agree; the forms judge as the cloud will', () => {
    for (const name of BO_COMMAND_NAMES) {
      const c = BO_COMMANDS[name];
      expect(c.scope === 'public', name).toBe(c.role === 'none');
    }
    const login = BO_COMMANDS['session.logIn'].input;
    expect(login.parse({ email: '  Kari@Bakeri.NO ', password: 'x' }).email).toBe('kari@bakeri.no');
    expect(login.safeParse({ email: 'kari', password: 'x' }).success).toBe(false);
    const invite = BO_COMMANDS['account.invite'].input;
    expect(invite.safeParse({ email: 'a@b.no', name: 'A', role: 'store_manager' }).success).toBe(
      false,
    );
    expect(
      invite.safeParse({ email: 'a@b.no', name: 'A', role: 'store_manager', storeIds: ['s1'] })
        .success,
    ).toBe(true);
    expect(
      invite.safeParse({ email: 'a@b.no', name: 'A', role: 'owner', storeIds: ['s1'] }).success,
    ).toBe(false);
  });
});

/**
 * `npm run cloud -- add-owner` and `reset-password`, run as the real command
 * line against a real database: the link alone on stdout, a password piped in
 * for scripts without a terminal, and no password in any output.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDatabase } from '../db/open';
import { DATABASE_TARGETS, describeOn, tempDir } from '../test/databases';
import type { DatabaseInstance } from '../test/databases';
import { redeemLink } from './links';
import { LoginGate } from './login';

const REPO = join(import.meta.dirname, '..', '..');

function runCloud(
  args: string[],
  env: NodeJS.ProcessEnv,
  stdin = '',
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'cloud/main.ts', ...args], {
      cwd: REPO,
      env,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

const tokenOf = (link: string) => new URLSearchParams(new URL(link).hash.slice(1)).get('token')!;

for (const target of DATABASE_TARGETS) {
  describeOn(target, 'npm run cloud -- add-owner / reset-password', () => {
    let instance: DatabaseInstance | null = null;
    let env: NodeJS.ProcessEnv = {};

    beforeAll(async () => {
      instance = await target.create();
      const { DATABASE_URL: _inherited, LOJAL_OWNER_PASSWORD: _owner, ...rest } = process.env;
      env = {
        ...rest,
        LOJAL_CLOUD_DATA: instance.location.dataDir ?? join(tempDir('cli-accounts'), 'unused'),
        LOJAL_CLOUD_PUBLIC_URL: 'https://lojal.example.no',
        ...(instance.location.databaseUrl ? { DATABASE_URL: instance.location.databaseUrl } : {}),
      };
    });
    afterAll(async () => {
      await instance?.drop();
    });

    it('prints a one-time link to set the owner’s password, and a reset link later', async () => {
      const made = await runCloud(
        ['add-owner', '--chain', 'Bakeri CLI', '--email', 'Kari@Bakeri.no', '--name', 'Kari Eier'],
        env,
      );
      expect(made.code, made.stderr).toBe(0);
      expect(made.stderr).toContain('new chain "Bakeri CLI"');
      expect(made.stderr).toContain('kari@bakeri.no is the owner of Bakeri CLI');
      const link = made.stdout.trim();
      expect(link).toMatch(
        /^https:\/\/lojal\.example\.no\/bo\/set-password#token=lojal_l_[\w-]{43}&kind=invite$/,
      );

      const db = await openDatabase(instance!.location);
      try {
        await redeemLink(db, tokenOf(link), 'kanelsnurr og kaffe', Date.now());
        const gate = new LoginGate(db, { passwordCost: { N: 2 ** 12, r: 8, p: 1 } });
        const login = await gate.logIn(
          { email: 'kari@bakeri.no', password: 'kanelsnurr og kaffe', clientAddress: '127.0.0.1' },
          Date.now(),
        );
        expect(login.ok).toBe(true);
      } finally {
        await db.close();
      }

      const reset = await runCloud(['reset-password', '--email', 'KARI@bakeri.no'], env);
      expect(reset.code, reset.stderr).toBe(0);
      expect(reset.stdout.trim()).toMatch(/#token=lojal_l_[\w-]{43}&kind=reset$/);
      const unknown = await runCloud(['reset-password', '--email', 'ingen@bakeri.no'], env);
      expect(unknown.code).toBe(2);
      expect(unknown.stderr).toContain('no account has the e-mail address ingen@bakeri.no');
      expect(unknown.stdout).toBe('');
    }, 120_000);

    it('takes the password from standard input without a terminal, and prints it nowhere', async () => {
      const secret = 'hemmelig passord fra CI';
      const made = await runCloud(
        [
          'add-owner',
          '--chain',
          'Bakeri CI',
          '--email',
          'ola@bakeri.no',
          '--name',
          'Ola',
          '--password-stdin',
        ],
        env,
        `${secret}\n`,
      );
      expect(made.code, made.stderr).toBe(0);
      expect(made.stdout).toContain('the password is set');
      expect(made.stdout + made.stderr).not.toContain(secret);
      expect(made.stdout).not.toContain('#token=');

      const short = await runCloud(
        ['add-owner', '--chain', 'Bakeri CI', '--email', 'per@bakeri.no', '--name', 'Per'],
        { ...env, LOJAL_OWNER_PASSWORD: 'kort' },
      );
      expect(short.code).toBe(2);
      expect(short.stderr).toContain('at least 12 characters');
      expect(short.stderr).not.toContain('kort"');

      const db = await openDatabase(instance!.location);
      try {
        const gate = new LoginGate(db);
        const login = await gate.logIn(
          { email: 'ola@bakeri.no', password: secret, clientAddress: '127.0.0.1' },
          Date.now(),
        );
        expect(login.ok).toBe(true);
      } finally {
        await db.close();
      }
    }, 120_000);

    it('refuses an address that is taken, and a missing flag', async () => {
      const taken = await runCloud(
        ['add-owner', '--chain', 'Et annet', '--email', 'kari@bakeri.no', '--name', 'K'],
        env,
      );
      expect(taken.code).toBe(1);
      expect(taken.stderr).toContain('an account with this e-mail address exists already');
      const missing = await runCloud(['add-owner', '--chain', 'X', '--name', 'K'], env);
      expect(missing.code).toBe(2);
      expect(missing.stderr).toContain('--email is required');
    }, 120_000);
  });
}

import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testProgramme } from '../src/core/member/test-programme';
import { memberEvents } from '../src/core/member/test-events';
import {
  PairResponse,
  PullResponse,
  PushResponse,
  ROUTES,
  SnapshotHeadResponse,
} from '../src/sync/protocol';
import { expectBody, request } from './test/cloud';
import { DATABASE_TARGETS, describeOn, tempDir } from './test/databases';
import type { DatabaseInstance } from './test/databases';

const REPO = join(import.meta.dirname, '..');
const CODE = /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

function cloudProcess(args: string[], env: NodeJS.ProcessEnv): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, ['--import', 'tsx', 'cloud/main.ts', ...args], { cwd: REPO, env });
}

function runCloud(args: string[], env: NodeJS.ProcessEnv): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const child = cloudProcess(args, env);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Starts `serve` and resolves with its URL once it prints it. */
function serve(
  env: NodeJS.ProcessEnv,
): Promise<{ child: ChildProcessWithoutNullStreams; url: string; exited: Promise<number | null> }> {
  return new Promise((resolve, reject) => {
    const child = cloudProcess([], env);
    const exited = new Promise<number | null>((done) => child.on('close', (code) => done(code)));
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout);
      if (match) resolve({ child, url: match[1]!, exited });
    });
    void exited.then((code) =>
      reject(new Error(`serve exited (${code}) before listening: ${stdout}${stderr}`)),
    );
  });
}

for (const target of DATABASE_TARGETS) {
  describeOn(target, 'npm run cloud', () => {
    let instance: DatabaseInstance | null = null;
    let env: NodeJS.ProcessEnv = {};
    let scratch = '';
    beforeAll(async () => {
      scratch = tempDir('cli');
      instance = await target.create();
      const { DATABASE_URL: _inherited, ...rest } = process.env;
      env = {
        ...rest,
        LOJAL_CLOUD_PORT: '0',
        LOJAL_CLOUD_HOST: '127.0.0.1',
        LOJAL_CLOUD_DATA: instance.location.dataDir ?? join(scratch, 'unused'),
        ...(instance.location.databaseUrl ? { DATABASE_URL: instance.location.databaseUrl } : {}),
      };
    });
    afterAll(async () => {
      await instance?.drop();
      if (scratch) rmSync(scratch, { recursive: true, force: true });
    });

    it('adds and lists stores, issues an admin token, saves a programme, then serves pairing', async () => {
      const added = await runCloud(
        ['add-store', '--chain', 'Bakeri Nord', '--store', 'Tromsø sentrum'],
        env,
      );
      expect(added.code).toBe(0);
      const code = added.stdout.trim();
      expect(code).toMatch(CODE);
      expect(added.stderr).toContain('new chain "Bakeri Nord"');

      const again = await runCloud(
        ['add-store', '--chain', 'Bakeri Nord', '--store', 'Tromsø sentrum'],
        env,
      );
      expect(again.stdout.trim()).toBe(code);
      expect(again.stderr).toContain('already exists');

      const listed = await runCloud(['list-stores'], env);
      expect(listed.stdout).toContain(`${code}  Bakeri Nord / Tromsø sentrum  (0 terminals)`);

      const token = await runCloud(['add-admin-token', '--chain', 'Bakeri Nord'], env);
      expect(token.code).toBe(0);
      expect(token.stdout.trim()).toMatch(/^lojal_a_/);

      const file = join(scratch, 'programme.json');
      writeFileSync(file, JSON.stringify(testProgramme({ name: 'Brødklubben' })));
      const saved = await runCloud(
        ['set-programme', '--chain', 'Bakeri Nord', '--file', file],
        env,
      );
      expect(saved.stdout).toContain('programme "Brødklubben" saved for Bakeri Nord');

      const kept = await runCloud(['set-retention', '--chain', 'Bakeri Nord', '--days', '30'], env);
      expect(kept.stdout).toContain("keep other stores' sales for 30 days");
      const never = await runCloud(['set-retention', '--chain', 'Bakeri Nord', '--days', '0'], env);
      expect(never.code).toBe(2);
      expect(never.stderr).toContain('--days is 1 to 3660, not "0"');

      let paired: PairResponse;
      let refusedId = '';
      /** About when the till pulled: its last contact, to the 10 s the cloud keeps. */
      let seenAt = 0;
      const server = await serve(env);
      try {
        if (target.label === 'PGlite') {
          // The embedded database belongs to the running server; a second opener is turned away.
          const blocked = await runCloud(['list-stores'], env);
          expect(blocked.code).toBe(1);
          expect(blocked.stderr).toMatch(/in use by process \d+/);
        }
        paired = expectBody(
          await request(server.url, 'POST', ROUTES.pair, {
            body: { storeCode: code, terminalName: 'Kasse 1' },
          }),
          200,
          PairResponse,
        );
        expect(paired.storeName).toBe('Tromsø sentrum');
        seenAt = Date.now();
        const pulled = expectBody(
          await request(server.url, 'GET', ROUTES.pull, { token: paired.token }),
          200,
          PullResponse,
        );
        expect(pulled.events.map((e) => e.type)).toEqual(['programme.saved']);
        // The retention set above reaches the chain's tills with the snapshot head.
        const head = expectBody(
          await request(server.url, 'GET', ROUTES.snapshotHead, { token: paired.token }),
          200,
          SnapshotHeadResponse,
        );
        expect(head.salesRetentionDays).toBe(30);
        // A push the cloud refuses: the chain's managers find it with list-refused.
        const origin = {
          chainId: paired.chainId,
          storeId: paired.storeId,
          terminalId: paired.terminalId,
        };
        const ghost = memberEvents('member-never-enrolled').sale(Date.now() - 60_000, origin);
        const pushed = expectBody(
          await request(server.url, 'POST', ROUTES.push, {
            token: paired.token,
            body: { events: [ghost] },
          }),
          200,
          PushResponse,
        );
        expect(pushed.rejected.map((r) => r.code)).toEqual(['unknown_member']);
        refusedId = ghost.id;
      } finally {
        server.child.kill('SIGTERM');
      }
      expect(await server.exited).toBe(0);
      // Stopped cleanly, the data folder is free again.
      expect((await runCloud(['list-stores'], env)).stdout).toContain('(1 terminals)');

      const refused = await runCloud(['list-refused', '--chain', 'Bakeri Nord'], env);
      expect(refused.code).toBe(0);
      expect(refused.stdout).toContain(
        `refused  unknown_member  sale.committed ${refusedId}  from Kasse 1 (${paired.terminalId})`,
      );

      // A till stolen or retired: its token is revoked, and the cloud refuses it from then on.
      const terminals = await runCloud(['list-terminals', '--chain', 'Bakeri Nord'], env);
      const terminalLine = new RegExp(
        `^${paired.terminalId} {2}Bakeri Nord / Tromsø sentrum / Kasse 1 {2}\\(seen (\\S+)\\)$`,
        'm',
      ).exec(terminals.stdout);
      expect(terminalLine, terminals.stdout).not.toBeNull();
      // The pull was its last contact (kept to within 10 s).
      expect(Math.abs(Date.parse(terminalLine![1]!) - seenAt)).toBeLessThan(15_000);
      expect(terminals.stdout).not.toContain('revoked');
      const revoked = await runCloud(['revoke-terminal', '--terminal', paired.terminalId], env);
      expect(revoked.code).toBe(0);
      expect(revoked.stdout).toContain(`terminal ${paired.terminalId} revoked`);
      expect((await runCloud(['list-terminals'], env)).stdout).toMatch(
        /Kasse 1 {2}\(seen \S+, revoked\)/,
      );
      const unknown = await runCloud(['revoke-terminal', '--terminal', 'no-such-till'], env);
      expect(unknown.code).toBe(2);
      expect(unknown.stderr).toContain(
        'no terminal "no-such-till" (list-terminals shows their ids)',
      );
      const restarted = await serve(env);
      try {
        const refused = await request(restarted.url, 'GET', ROUTES.pull, { token: paired.token });
        expect(refused.status).toBe(401);
      } finally {
        restarted.child.kill('SIGTERM');
      }
      expect(await restarted.exited).toBe(0);
    }, 240_000);
  });
}

// Usage errors are found before any database is opened.
describe('npm run cloud usage', () => {
  it('refuses a member page secret shorter than 32 characters, without printing it', async () => {
    const shortSecret = 'for-kort-til-medlemssiden';
    const refused = await runCloud(['list-stores'], {
      ...process.env,
      LOJAL_MEMBER_PAGE_SECRET: shortSecret,
    });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('LOJAL_MEMBER_PAGE_SECRET must be at least 32 characters');
    expect(refused.stderr).not.toContain(shortSecret);
  });

  it('explains bad usage with exit code 2', async () => {
    const unknown = await runCloud(['frobnicate'], process.env);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown command "frobnicate"');
    const missing = await runCloud(['add-store', '--chain', 'X'], process.env);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--store is required');
    const badPort = await runCloud(['list-stores'], { ...process.env, LOJAL_CLOUD_PORT: 'eighty' });
    expect(badPort.code).toBe(2);
    expect(badPort.stderr).toContain('LOJAL_CLOUD_PORT');
    // NUL or a lone surrogate in a programme: a clear error naming the field, never a crash.
    const scratch = tempDir('cli-usage');
    try {
      for (const name of ['Brød\u0000klubben', 'Brød\ud800klubben']) {
        const file = join(scratch, 'programme.json');
        writeFileSync(file, JSON.stringify({ ...testProgramme(), name }));
        const bad = await runCloud(['set-programme', '--chain', 'X', '--file', file], process.env);
        expect(bad.code).toBe(2);
        expect(bad.stderr).toContain('is not a valid programme');
        expect(bad.stderr).toContain('programme.name: ');
      }
      const limit = await runCloud(['list-refused', '--chain', 'X', '--limit', 'all'], process.env);
      expect(limit.code).toBe(2);
      expect(limit.stderr).toContain('--limit is 1 to 1000');
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  }, 60_000);
});

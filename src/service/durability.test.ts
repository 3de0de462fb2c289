import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../store/testing/temp-db';
import type { TempDir } from '../store/testing/temp-db';
import { openTillService } from './till-service';
import { SYSTEM_SESSION } from './testing';

const CHILD = fileURLToPath(new URL('./durability-child.ts', import.meta.url));

let tmp: TempDir;
beforeEach(() => {
  tmp = tempDir('lojal-durable-');
});
afterEach(() => tmp.remove());

interface Committed {
  saleId: string;
  memberId: string;
  points: number;
  exit: Promise<NodeJS.Signals | number | null>;
}

/** Start the child, wait for "committed", and kill it with SIGKILL that very moment. */
function commitThenKill(dataDir: string): Promise<Committed> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dataDir], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exit = new Promise<NodeJS.Signals | number | null>((done) =>
      child.on('exit', (code, signal) => done(signal ?? code)),
    );
    let out = '';
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = /committed (\S+) (\S+) (\d+)\n/.exec(out);
      if (!line) return;
      child.kill('SIGKILL');
      resolve({ saleId: line[1]!, memberId: line[2]!, points: Number(line[3]), exit });
    });
    child.on('exit', (code) => {
      if (!/committed/.test(out))
        reject(new Error(`child exited (${code}) before committing: ${err}`));
    });
  });
}

describe('durability', () => {
  it('keeps a committed sale and the member’s points when the till is killed right after', async () => {
    const committed = await commitThenKill(tmp.dir);
    expect(await committed.exit).toBe('SIGKILL');
    expect(committed.points).toBeGreaterThan(0);

    const service = openTillService({ dataDir: tmp.dir });
    try {
      const sale = await service.call('sale.get', { saleId: committed.saleId }, SYSTEM_SESSION);
      expect(sale.memberId).toBe(committed.memberId);
      expect(sale.voided).toBe(false);
      const member = await service.call(
        'member.get',
        { memberId: committed.memberId },
        SYSTEM_SESSION,
      );
      expect(member.points.balance).toBe(committed.points);
      expect(member.stats.purchases).toBe(1);
      const status = await service.call('status.get', {}, SYSTEM_SESSION);
      // Demo programme + catalogue, the enrolment and the sale wait for the cloud.
      expect(status.sync.pending).toBe(4);
    } finally {
      service.close();
    }
  });
});

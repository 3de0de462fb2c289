/**
 * The cloud terminal token sealed by a secret store (issue 10, point 4). Under
 * Node the stand-in for Electron's safeStorage is a real sealer made of
 * node:crypto (AES-256-GCM, its key in this process, never in the database).
 * Real tills on file databases, the real cloud on loopback: the token is not in
 * the database file or its WAL in the clear, pairing and sync work with it, a
 * token stored in the clear by the landed code is sealed on the first start
 * with a sealer, and none of it is logged.
 */
import { readFileSync, existsSync } from 'node:fs';
import { inspect } from 'node:util';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { databasePath, openTillService } from '../../src/service';
import type { TillService } from '../../src/service';
import type { SecretSealer } from '../../src/store/secret-sealer';
import { aesGcmSealer } from '../../src/store/testing/aes-sealer';
import { tempDir } from '../../src/store/testing/temp-db';
import type { TempDir } from '../../src/store/testing/temp-db';
import { backends, cloudEvents, newChain, startTestCloud } from './support/cloud';
import type { TestCloud } from './support/cloud';
import { CHAIN_PROGRAMME } from './support/scenario';
import { T0 } from './support/till';

const MANAGER = { role: 'system', staffId: null } as const;

/** The pairing row as stored (read with a connection of its own, no sealer). */
function storedPairing(dir: string): { token: string } {
  const db = new Database(databasePath(dir), { readonly: true, fileMustExist: true });
  try {
    const value = db
      .prepare("SELECT value FROM sync_state WHERE key = 'cloud.pairing'")
      .pluck()
      .get() as string;
    return JSON.parse(value) as { token: string };
  } finally {
    db.close();
  }
}

/** Whether the database file or its WAL holds `secret` byte for byte. */
function onDisk(dir: string, secret: string): string[] {
  const path = databasePath(dir);
  return [path, `${path}-wal`].filter(
    (file) => existsSync(file) && readFileSync(file).includes(Buffer.from(secret, 'utf8')),
  );
}

for (const backend of await backends()) {
  const title = `the terminal token sealed (${backend.name}${backend.unavailable ? `: skipped, ${backend.unavailable}` : ''})`;
  describe.skipIf(backend.unavailable !== null)(title, () => {
    let cloud: TestCloud;
    const dirs: TempDir[] = [];
    const services: TillService[] = [];
    let logged: string[] = [];
    beforeAll(async () => {
      cloud = await startTestCloud(backend.name);
    });
    afterAll(async () => {
      await cloud?.dispose();
    });
    afterEach(async () => {
      for (const service of services.splice(0)) {
        service.close();
        await service.whenClosed();
      }
      for (const dir of dirs.splice(0)) dir.remove();
      vi.restoreAllMocks();
    });

    function listen(): void {
      logged = [];
      for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
        vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
          logged.push(args.map((a) => inspect(a, { depth: 10 })).join(' '));
        });
      }
    }

    function open(dir: TempDir, secretSealer?: SecretSealer): TillService {
      const service = openTillService({
        dataDir: dir.dir,
        clock: () => T0,
        sync: { background: false, random: () => 0.5 },
        ...(secretSealer ? { secretSealer } : {}),
      });
      services.push(service);
      return service;
    }

    async function close(service: TillService): Promise<void> {
      service.close();
      await service.whenClosed();
      services.splice(services.indexOf(service), 1);
    }

    function newDir(): TempDir {
      const dir = tempDir('lojal-sealed-');
      dirs.push(dir);
      return dir;
    }

    /** Enrols a member and syncs: the cloud must take it under the pairing's token. */
    async function syncsWithToken(service: TillService, phone: string) {
      const { member } = await service.call('member.enrol', { phone, acceptTerms: true }, MANAGER);
      const report = await service.sync.syncNow();
      expect(report.error).toBeNull();
      expect(report.ok).toBe(true);
      expect(service.sync.status()).toMatchObject({ state: 'online', pending: 0 });
      return member.memberId;
    }

    it('pairs with a sealer: the token is never in the database file in the clear, and sync works', async () => {
      listen();
      const chain = await newChain(cloud, ['Sentrum'], CHAIN_PROGRAMME);
      const sealer = aesGcmSealer();
      const dir = newDir();
      let service = open(dir, sealer);
      await service.sync.pair(cloud.server.url, chain.storeCodes.Sentrum!, 'Kasse 1');
      const stored = storedPairing(dir.dir).token;
      expect(stored).toMatch(/^sealed:v1:/);
      const token = sealer.open(stored.slice('sealed:v1:'.length));
      expect(token).toMatch(/^lojal_t_/);
      const memberId = await syncsWithToken(service, '41111111');
      expect((await cloudEvents(cloud, chain)).some((e) => e.memberId === memberId)).toBe(true);
      // While the till runs (the WAL holds the recent pages) and after it closed.
      expect(onDisk(dir.dir, token)).toEqual([]);
      await close(service);
      expect(onDisk(dir.dir, token)).toEqual([]);

      // Opened again with the same secret store: the token opens and sync goes on.
      service = open(dir, sealer);
      await syncsWithToken(service, '41111112');
      for (const line of logged) expect(line).not.toContain(token);
    });

    it('seals a token the landed code stored in the clear on the first start with a sealer', async () => {
      listen();
      const chain = await newChain(cloud, ['Torget'], CHAIN_PROGRAMME);
      const dir = newDir();
      // As the landed code (or browser mode, which has no secret store) left it.
      let service = open(dir);
      await service.sync.pair(cloud.server.url, chain.storeCodes.Torget!, 'Kasse 1');
      await syncsWithToken(service, '42222221');
      await close(service);
      const token = storedPairing(dir.dir).token;
      expect(token).toMatch(/^lojal_t_/);
      // The test can fail: the clear token is in the file now.
      expect(onDisk(dir.dir, token).length).toBeGreaterThan(0);

      const sealer = aesGcmSealer();
      service = open(dir, sealer);
      const stored = storedPairing(dir.dir).token;
      expect(stored).toMatch(/^sealed:v1:/);
      expect(sealer.open(stored.slice('sealed:v1:'.length))).toBe(token);
      // Not left behind in a free page or in the WAL either.
      expect(onDisk(dir.dir, token)).toEqual([]);
      const memberId = await syncsWithToken(service, '42222222');
      expect((await cloudEvents(cloud, chain)).some((e) => e.memberId === memberId)).toBe(true);
      await close(service);
      expect(onDisk(dir.dir, token)).toEqual([]);
      expect(logged.some((line) => line.includes('now kept sealed'))).toBe(true);
      for (const line of logged) expect(line).not.toContain(token);
    });

    it('a sealed token this computer cannot open is not sent: the till keeps selling and pairs again', async () => {
      listen();
      const chain = await newChain(cloud, ['Bryggen'], CHAIN_PROGRAMME);
      const dir = newDir();
      let service = open(dir, aesGcmSealer());
      await service.sync.pair(cloud.server.url, chain.storeCodes.Bryggen!, 'Kasse 1');
      await close(service);

      // Another key: the database copied to another computer, or the keyring replaced.
      service = open(dir, aesGcmSealer());
      await service.call('member.enrol', { phone: '43333331', acceptTerms: true }, MANAGER);
      const report = await service.sync.syncNow();
      expect(report.ok).toBe(false);
      expect(report.error?.code).toBe('revoked');
      expect(logged.some((line) => line.includes('cannot be opened'))).toBe(true);

      await service.sync.pair(cloud.server.url, chain.storeCodes.Bryggen!, 'Kasse 1');
      const again = await service.sync.syncNow();
      expect(again.error).toBeNull();
      expect(service.sync.status()).toMatchObject({ state: 'online', pending: 0 });
    });
  });
}

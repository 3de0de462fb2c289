/** The desktop relay keeps one window's session: set by log-in, ended by log-out, kept through other refusals. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTillService } from '../service/index';
import type { TillService } from '../service/types';
import { SessionRelay, relayCommand } from './relay';

let dataDir: string;
let service: TillService;

beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'lojal-relay-'));
  service = openTillService({ dataDir, demo: true });
});
afterAll(() => {
  service.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('relayCommand', () => {
  it('refuses unknown commands and calls without a session', async () => {
    expect(await relayCommand(service, 'no.such', {}, null)).toMatchObject({
      ok: false,
      status: 404,
      error: { code: 'unknown_command' },
    });
    expect(await relayCommand(service, 'catalogue.get', {}, null)).toMatchObject({
      ok: false,
      status: 401,
      error: { code: 'unauthorized' },
    });
    expect(await relayCommand(service, 'status.get', {}, null)).toMatchObject({ ok: true });
  });
});

describe('SessionRelay', () => {
  it('holds the session from log-in to log-out', async () => {
    const relay = new SessionRelay(service);
    expect(relay.loggedIn).toBe(false);
    expect((await relay.call('catalogue.get', {})).ok).toBe(false);
    expect((await relay.call('session.login', { pin: '1111' })).ok).toBe(true);
    expect(relay.loggedIn).toBe(true);
    expect((await relay.call('catalogue.get', {})).ok).toBe(true);
    await relay.call('session.logout', {});
    expect(relay.loggedIn).toBe(false);
    expect((await relay.call('catalogue.get', {})).ok).toBe(false);
  });

  it('stays logged in when a command is refused for another reason (a wrong member PIN)', async () => {
    const relay = new SessionRelay(service);
    await relay.call('session.login', { pin: '1111' });
    const enrolled = await relay.call('member.enrol', {
      phone: '41234598',
      acceptTerms: true,
      memberPin: '4321',
    });
    expect(enrolled.ok).toBe(true);
    const memberId = (enrolled as { value: { member: { memberId: string } } }).value.member
      .memberId;
    const wrong = await relay.call('basket.evaluate', {
      lines: [{ sku: 'kanelbolle', quantity: 1 }],
      memberId,
      memberPin: '9999',
    });
    expect(wrong).toMatchObject({ ok: false, status: 401, error: { field: 'memberPin' } });
    expect(relay.loggedIn).toBe(true);
    const forbidden = await relay.call('staff.list', {});
    expect(forbidden).toMatchObject({ ok: false, status: 403 });
    expect(relay.loggedIn).toBe(true);
  });
});

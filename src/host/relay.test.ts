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

  it('lets the log-in screen read the staff names without a session: ids and names only', async () => {
    expect(await relayCommand(service, 'staff.names', {}, null)).toEqual({
      ok: true,
      value: [
        { staffId: 'demo-kari', name: 'Kari (kasse)' },
        { staffId: 'demo-morten', name: 'Morten (leder)' },
      ],
    });
    // The full list (roles) stays the manager's.
    expect(await relayCommand(service, 'staff.list', {}, null)).toMatchObject({ status: 401 });
  });
});

describe('the desktop shell (IPC, no HTTP edge)', () => {
  it('refuses a lone surrogate or NUL anywhere in the input, unknown keys included, before the command runs', async () => {
    const relay = new SessionRelay(service);
    expect(await relay.call('session.login', { pin: '9999' })).toMatchObject({ ok: true });
    const programme = await relay.call('programme.get', {});
    expect(programme.ok).toBe(true);
    const value = (programme as { value: Record<string, unknown> }).value;
    expect(
      await relay.call('programme.save', { programme: { ...value, 'note\ud800': 'x' } }),
    ).toMatchObject({ ok: false, status: 400, error: { code: 'invalid_text' } });
    expect(
      await relay.call('member.enrol', {
        phone: '+47 412 34 995',
        acceptTerms: true,
        profile: { firstName: 'Ann\ud800e' },
      }),
    ).toMatchObject({
      ok: false,
      status: 400,
      error: { code: 'invalid_text', field: 'profile.firstName' },
    });
    expect(await relay.call('member.lookup', { query: '41234995' })).toMatchObject({
      ok: true,
      value: { member: null },
    });
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

  it('keeps the session a first run opens, as a log-in does', async () => {
    const emptyDir = mkdtempSync(join(tmpdir(), 'lojal-relay-empty-'));
    const empty = openTillService({ dataDir: emptyDir, demo: false });
    try {
      const relay = new SessionRelay(empty);
      expect((await relay.call('staff.list', {})).ok).toBe(false);
      const started = await relay.call('setup.start', {
        manager: { name: 'Anne', pin: '2468' },
        start: { kind: 'template', templateId: 'bakeri', storeName: 'Anne sitt bakeri' },
      });
      expect(started).toMatchObject({ ok: true, value: { loggedIn: true, role: 'manager' } });
      expect(relay.loggedIn).toBe(true);
      // The manager's own list, without a second log-in.
      const staff = await relay.call('staff.list', {});
      expect(staff).toMatchObject({ ok: true, value: [{ name: 'Anne', role: 'manager' }] });
    } finally {
      empty.close();
      rmSync(emptyDir, { recursive: true, force: true });
    }
  });
});

/**
 * Self-enrolment from the till's side, a real till service paired with the
 * real cloud on loopback: the join request, the customer's form posted as a
 * phone would, and the till learning the member (stored locally, verified when
 * new, unverified when the phone was a member already); offline and unpaired
 * tills say it needs the network.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCloud } from '../../../test/sync/support/cloud';
import type { TestCloud } from '../../../test/sync/support/cloud';
import { scenario } from '../../../test/sync/support/scenario';
import { openSyncTill, T0 } from '../../../test/sync/support/till';
import type { WorldClock } from '../../../test/sync/support/till';
import { ServiceError } from '../commands';

/** What the customer's phone does: open the page, fill in the form, send it. */
async function joinOnPhone(url: string, fields: Record<string, string>): Promise<string> {
  const form = await (await fetch(url)).text();
  const token = /name="form" value="([^"]+)"/.exec(form)?.[1];
  if (!token) throw new Error(`no form at ${url}: ${form.slice(0, 200)}`);
  const sent = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ form: token, ...fields }).toString(),
  });
  return sent.text();
}

async function refusal(promise: Promise<unknown>): Promise<ServiceError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ServiceError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('self-enrolment at a paired till', () => {
  let cloud: TestCloud;
  beforeAll(async () => {
    cloud = await startTestCloud('pglite');
  });
  afterAll(async () => {
    await cloud?.dispose();
  });

  it('shows a code for the open basket and learns the member who joined on their phone', async () => {
    // The cloud dates the enrolment by its own clock: the till's is the same here (the world's
    // clock is moved on to it before the till reads the member).
    const world: WorldClock = { now: Date.now() };
    const s = await scenario(cloud, world, [{ name: 'A' }]);
    try {
      const a = s.till('A');
      await a.sync();
      const started = await a.call('member.joinStart', { basketId: 'basket-7' }, a.cashier);
      expect(started.url).toMatch(/\/j\/[a-z2-9]{15}$/);
      expect(await a.call('member.joinStatus', started, a.cashier)).toMatchObject({
        state: 'open',
        reachable: true,
        basketId: 'basket-7',
        member: null,
      });

      const page = await joinOnPhone(started.url, {
        phone: '93 33 44 55',
        firstName: 'Siri',
        emailAddress: 'siri@example.no',
        terms: 'yes',
        email: 'yes',
      });
      expect(page).toContain('Velkommen som medlem!');

      world.now = Date.now();
      const joined = await a.call('member.joinStatus', started, a.cashier);
      expect(joined).toMatchObject({ state: 'used', created: true, basketId: 'basket-7' });
      expect(joined.member).toMatchObject({
        profile: { firstName: 'Siri' },
        consents: { sms: false, email: true },
      });
      // The address typed on the phone is the member's e-mail, as the till's own form stores it.
      const seen = await a.call('member.get', { memberId: joined.member!.memberId }, a.manager);
      expect(seen.profile.email).toBe('siri@example.no');
      // Enrolled now from this till's own code: verified, as at the till's own enrolment.
      expect(joined.verification?.token).toEqual(expect.any(String));
      // The member is in the till's own store now: found by phone without the cloud.
      const found = await a.call('member.lookup', { query: '93334455' }, a.cashier);
      expect(found.member?.memberId).toBe(joined.member!.memberId);
      expect(found.remote).toBeUndefined();
      // The welcome coupon is there for the open basket.
      expect(joined.member!.coupons.map((c) => c.source)).toContain('welcome');

      // The same phone again from a new code: that member, not verified, not enrolled twice.
      const second = await a.call('member.joinStart', { basketId: 'basket-8' }, a.cashier);
      expect(await joinOnPhone(second.url, { phone: '+4793334455', terms: 'yes' })).toContain(
        'Du er allerede medlem',
      );
      const again = await a.call('member.joinStatus', second, a.cashier);
      expect(again).toMatchObject({ state: 'used', created: false, basketId: 'basket-8' });
      expect(again.member?.memberId).toBe(joined.member!.memberId);
      expect(again.verification).toBeUndefined();

      // Another till's request, or none, is not found.
      const unknown = await refusal(
        a.call('member.joinStatus', { requestId: 'no-such-request' }, a.cashier),
      );
      expect(unknown).toMatchObject({ code: 'join_not_found', status: 404, field: 'requestId' });

      // The cloud gone: the till says it needs the network, and a poll waits instead of failing.
      await cloud.stop();
      const offline = await refusal(
        a.call('member.joinStart', { basketId: 'basket-9' }, a.cashier),
      );
      expect(offline).toMatchObject({ code: 'join_needs_network', status: 503 });
      expect(offline.text.nb).toContain('trenger nett');
      expect(await a.call('member.joinStatus', second, a.cashier)).toMatchObject({
        state: 'open',
        reachable: false,
        member: null,
      });
    } finally {
      await s.close();
      await cloud.ensureRunning();
    }
  });

  it('refuses at a till that was never paired', async () => {
    const world: WorldClock = { now: T0 };
    const till = await openSyncTill({ name: 'solo', world });
    try {
      const refused = await refusal(
        till.call('member.joinStart', { basketId: 'basket-1' }, till.cashier),
      );
      expect(refused).toMatchObject({ code: 'join_needs_network', status: 503 });
    } finally {
      till.close();
    }
  });
});

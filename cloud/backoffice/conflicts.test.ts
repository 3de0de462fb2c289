/**
 * The back office's conflicts against the real cloud (PGlite and PostgreSQL):
 * two tills offline using one coupon and spending the same points are listed
 * with where and when; settling keeps the conflict as settled (who, when,
 * how); an adjustment is a `points.adjusted` the tills pull, which clears the
 * negative balance; a store manager sees only conflicts of their stores, and
 * of those nothing of another store but that it was one.
 */
import { beforeAll, expect, it } from 'vitest';
import { memberNumberFor } from '../../src/core/ean13';
import { parseEvent } from '../../src/core/events';
import { HOUR, memberEvents } from '../../src/core/member/test-events';
import type { BoConflict } from '../../src/contract/backoffice/conflicts';
import { describeBackoffice, errorOf } from '../test/backoffice';
import type { BoBrowser } from '../test/backoffice';
import type { Till } from '../test/cloud';

describeBackoffice('conflicts', (cloud) => {
  let owner: BoBrowser;
  let manager: BoBrowser;
  let ownerAccountId: string;
  let sentrum: Till;
  let torget: Till;
  const T0 = Date.now() - 10 * HOUR;
  const kari = memberEvents('member-kari');
  const ola = memberEvents('member-ola');
  const couponId = 'W-member-kari';

  beforeAll(async () => {
    const chain = await cloud().chainWithOwner(['Sentrum', 'Torget']);
    owner = chain.owner;
    ownerAccountId = (await owner.ok('session.get')).account.accountId;
    sentrum = await cloud().pair(chain.stores[0]!.storeCode, 'Kasse Sentrum');
    torget = await cloud().pair(chain.stores[1]!.storeCode, 'Kasse Torget');
    manager = (await cloud().storeManager(owner, [chain.stores[0]!.storeId], 'Siri Sentrum'))
      .browser;
    // Kari: enrolled at Sentrum with 100 points; both tills offline use her welcome
    // coupon and spend 80 points each.
    expect(
      (
        await sentrum.push([
          kari.enrolled(
            T0,
            { memberNumber: memberNumberFor('29', 11), phoneE164: '+4791111111' },
            sentrum.origin,
          ),
          kari.pointsAdjusted(T0 + HOUR, 100, sentrum.origin),
          kari.sale(T0 + 2 * HOUR, {
            ...sentrum.origin,
            saleId: 'sale-sentrum',
            effects: { couponsRedeemed: [couponId], pointsRedeemed: 80 },
          }),
        ])
      ).rejected,
    ).toEqual([]);
    expect(
      (
        await torget.push([
          kari.sale(T0 + 2 * HOUR + 60_000, {
            ...torget.origin,
            saleId: 'sale-torget',
            effects: { couponsRedeemed: [couponId], pointsRedeemed: 80 },
          }),
        ])
      ).rejected,
    ).toEqual([]);
    // Ola: a punch-card reward used twice, both times at Torget.
    expect(
      (
        await torget.push([
          ola.enrolled(
            T0,
            {
              memberNumber: memberNumberFor('29', 12),
              phoneE164: '+4792222222',
              profile: {
                firstName: 'Ola',
                lastName: 'Torgersen',
                email: 'ola@example.no',
                birthDate: null,
                postalCode: null,
                gender: null,
              },
            },
            torget.origin,
          ),
          ola.sale(T0 + 3 * HOUR, {
            ...torget.origin,
            saleId: 'ola-1',
            effects: { rewardsRedeemed: ['K-kaffe-member-ola-1'] },
          }),
          ola.sale(T0 + 3 * HOUR + 60_000, {
            ...torget.origin,
            saleId: 'ola-2',
            effects: { rewardsRedeemed: ['K-kaffe-member-ola-1'] },
          }),
        ])
      ).rejected,
    ).toEqual([]);
  });

  const byKind = (list: BoConflict[], kind: BoConflict['kind']) => {
    const found = list.find((c) => c.kind === kind);
    if (!found) throw new Error(`no ${kind} in ${JSON.stringify(list)}`);
    return found;
  };

  it('lists what happened, to whom, where and when', async () => {
    const { open, settled } = await owner.ok('conflicts.list');
    expect(settled).toEqual([]);
    expect(open.map((c) => c.kind).sort()).toEqual([
      'coupon_redeemed_twice',
      'negative_points',
      'reward_redeemed_twice',
    ]);
    const coupon = byKind(open, 'coupon_redeemed_twice');
    expect(coupon).toMatchObject({
      subject: couponId,
      amount: null,
      member: {
        name: 'Kari Nordmann',
        memberNumber: memberNumberFor('29', 11),
        phone: '+4791111111',
        erased: false,
      },
      settlement: null,
    });
    expect(coupon.events).toEqual([
      {
        what: 'sale',
        at: T0 + 2 * HOUR,
        reachable: true,
        storeName: 'Sentrum',
        tillName: 'Kasse Sentrum',
        receiptNo: '1',
      },
      {
        what: 'sale',
        at: T0 + 2 * HOUR + 60_000,
        reachable: true,
        storeName: 'Torget',
        tillName: 'Kasse Torget',
        receiptNo: '2',
      },
    ]);
    const points = byKind(open, 'negative_points');
    expect(points.amount).toBe(-60);
    expect(points.events.map((e) => e.storeName)).toEqual(['Sentrum', 'Torget']);
    expect(byKind(open, 'reward_redeemed_twice').member.name).toBe('Ola Torgersen');
  });

  it('a store manager sees the conflicts of their stores only, the other store unnamed and the member masked', async () => {
    const { open } = await manager.ok('conflicts.list');
    expect(open.map((c) => c.kind).sort()).toEqual(['coupon_redeemed_twice', 'negative_points']);
    const coupon = byKind(open, 'coupon_redeemed_twice');
    expect(coupon.member).toEqual({
      name: 'Kari N.',
      memberNumber: `•••••••••${memberNumberFor('29', 11).slice(-4)}`,
      phone: null,
      email: null,
      erased: false,
    });
    expect(coupon.events[1]).toEqual({
      what: 'sale',
      at: T0 + 2 * HOUR + 60_000,
      reachable: false,
      storeName: null,
      tillName: null,
      receiptNo: null,
    });
    const shown = JSON.stringify(open);
    for (const secret of ['Torget', 'Ola', 'Nordmann', '+4791111111', torget.pairing.storeId])
      expect(shown).not.toContain(secret);
    // Ola's conflict is not theirs to settle: the same answer as none at all.
    const olas = byKind((await owner.ok('conflicts.list')).open, 'reward_redeemed_twice');
    const refused = await manager.call('conflicts.settle', {
      conflictId: olas.conflictId,
      action: 'write_off',
      note: 'Ikke min',
    });
    expect(refused.status).toBe(404);
    expect((await owner.ok('conflicts.list')).open).toHaveLength(3);
  });

  it('a settled conflict is kept with who, when and how, and cannot be settled twice', async () => {
    const coupon = byKind((await manager.ok('conflicts.list')).open, 'coupon_redeemed_twice');
    const settled = await manager.ok('conflicts.settle', {
      conflictId: coupon.conflictId,
      action: 'write_off',
      note: 'Kupongen var verdt 30 kr; vi tar det.',
    });
    expect(settled.settlement).toMatchObject({
      action: 'write_off',
      points: null,
      note: 'Kupongen var verdt 30 kr; vi tar det.',
      byName: 'Siri Sentrum',
    });
    const listed = await owner.ok('conflicts.list');
    expect(listed.open.map((c) => c.kind).sort()).toEqual([
      'negative_points',
      'reward_redeemed_twice',
    ]);
    expect(listed.settled.map((c) => [c.conflictId, c.kind, c.settlement?.byName])).toEqual([
      [coupon.conflictId, 'coupon_redeemed_twice', 'Siri Sentrum'],
    ]);
    // The owner sees the whole of it; the cloud's own list of flags still has it (it happened).
    expect(listed.settled[0]!.events.map((e) => e.storeName)).toEqual(['Sentrum', 'Torget']);
    expect((await sentrum.conflicts()).map((c) => c.flag.kind)).toContain('coupon_redeemed_twice');
    const again = await owner.call('conflicts.settle', {
      conflictId: coupon.conflictId,
      action: 'contacted',
      note: 'Igjen',
    });
    expect(again.status).toBe(400);
    expect(errorOf(again).said?.key).toBe('backoffice.conflicts.settledAlready');
  });

  it('an adjustment is a points.adjusted by the account that the tills pull; it clears the negative balance and stays listed as settled', async () => {
    const points = byKind((await owner.ok('conflicts.list')).open, 'negative_points');
    const missing = await owner.call('conflicts.settle', {
      conflictId: points.conflictId,
      action: 'adjust',
      note: 'Dobbelt brukt',
    });
    expect(errorOf(missing)).toMatchObject({
      field: 'points',
      said: { key: 'backoffice.conflicts.pointsNeeded' },
    });
    const settled = await owner.ok('conflicts.settle', {
      conflictId: points.conflictId,
      action: 'adjust',
      points: 60,
      note: 'Poengene ble brukt to ganger offline; vi gir dem tilbake.',
    });
    expect(settled.settlement).toMatchObject({ action: 'adjust', points: 60, byName: 'Kari Eier' });
    const pulled = (await torget.pullAll()).map((raw) => parseEvent(raw));
    const adjustment = pulled.find((e) => e.type === 'points.adjusted' && e.storeId === 'cloud');
    expect(adjustment).toMatchObject({
      memberId: 'member-kari',
      terminalId: 'cloud',
      payload: {
        points: 60,
        actionId: null,
        staffId: ownerAccountId,
        reason: { nb: 'Poengene ble brukt to ganger offline; vi gir dem tilbake.' },
      },
    });
    // The engine no longer flags her balance; the back office keeps the settled conflict.
    expect((await sentrum.conflicts()).map((c) => c.flag.kind)).not.toContain('negative_points');
    const listed = await owner.ok('conflicts.list');
    expect(listed.open.map((c) => c.kind)).toEqual(['reward_redeemed_twice']);
    expect(listed.settled.map((c) => [c.kind, c.amount, c.settlement?.action])).toEqual([
      ['negative_points', -60, 'adjust'],
      ['coupon_redeemed_twice', null, 'write_off'],
    ]);
    // A store manager sees the settled ones of their stores only (both are Kari's, with a sale at Sentrum).
    expect((await manager.ok('conflicts.list')).settled).toHaveLength(2);
  });

  it('an adjustment beyond the limit is refused beside the points', async () => {
    const olas = byKind((await owner.ok('conflicts.list')).open, 'reward_redeemed_twice');
    const { maxAdjustment } = await owner.ok('conflicts.list');
    const over = await owner.call('conflicts.settle', {
      conflictId: olas.conflictId,
      action: 'adjust',
      points: -(maxAdjustment + 1),
      note: 'For mye',
    });
    expect(over.status).toBe(400);
    expect(errorOf(over).field).toBe('points');
  });
  it('an erased member shows nothing of them in a settled conflict, the note included', async () => {
    await torget.push([ola.erased(Date.now() - 1000, torget.origin)]);
    const olas = byKind((await owner.ok('conflicts.list')).open, 'reward_redeemed_twice');
    expect(olas.member).toMatchObject({ name: null, phone: null, email: null, erased: true });
    await owner.ok('conflicts.settle', {
      conflictId: olas.conflictId,
      action: 'contacted',
      note: 'Ringte Ola Torgersen på 922 22 222.',
    });
    const listed = await owner.ok('conflicts.list');
    const settled = byKind(listed.settled, 'reward_redeemed_twice');
    expect(settled.settlement).toMatchObject({ action: 'contacted', note: '' });
    expect(JSON.stringify(listed)).not.toMatch(/Ola|Torgersen|92222222|922 22 222/);
  });
});

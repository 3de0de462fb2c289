import { describe, expect, it } from 'vitest';
import { text } from '../../../core/i18n';
import { Programme } from '../../../core/programme';
import { programmeTemplate } from '../../../core/templates';
import type { CloudConflict, ConflictMember, TillConflict } from '../../../contract/sync';
import {
  agoText,
  cloudConflictText,
  couponName,
  eventKindText,
  lastSyncText,
  reportText,
  tillConflictText,
} from './sync-text';
import type { ConflictContext, ConflictSale } from './sync-text';

const MIN = 60_000;
const bakery = Programme.parse(programmeTemplate('bakeri')!.programme);
const ingrid: ConflictMember = {
  memberId: 'm-1',
  memberNumber: '2900001000017',
  firstName: 'Ingrid',
  enrolledAt: 1,
};

function sale(saleId: string, receiptNo: string | null): [string, ConflictSale] {
  return [saleId, { saleId, receiptNo, reasons: [] }];
}

function context(
  sales: [string, ConflictSale][],
  ownName: string | null = 'Kasse 1',
): ConflictContext {
  return { programme: bakery, sales: new Map(sales), ownSlot: 3, ownName };
}

function conflict(flag: CloudConflict['flag'], member: ConflictMember = ingrid): CloudConflict {
  return { member, flag, firstSeenAt: 0, lastSeenAt: 0, text: text('', '') };
}

describe('when the till last synced', () => {
  const now = new Date(2026, 4, 3, 12, 30).getTime();

  it('says minutes within the hour, the clock the same day, the day before that', () => {
    expect(lastSyncText(null, now).nb).toBe('Aldri synket');
    expect(lastSyncText(now - 20_000, now).nb).toBe('Synket nå nettopp');
    expect(lastSyncText(now - 3 * MIN, now)).toEqual(
      text('Synket for 3 min siden', 'Synced 3 min ago'),
    );
    expect(lastSyncText(new Date(2026, 4, 3, 9, 4).getTime(), now).nb).toBe('Synket 09:04');
    expect(lastSyncText(new Date(2026, 4, 1, 9, 4).getTime(), now).nb).toBe('Synket 1. mai 09:04');
    expect(agoText(now - 125 * MIN, now).nb).toBe('for 2 t siden');
  });
});

describe('what "Synk nå" did', () => {
  it('counts what went and came, or says why it failed in the till’s language', () => {
    const ok = {
      ok: true,
      pushed: 3,
      received: 12,
      applied: 5,
      rejected: 0,
      quarantined: 0,
      error: null,
    };
    expect(reportText(ok).nb).toBe('Synket: 3 sendt, 5 nye hentet.');
    expect(reportText({ ...ok, rejected: 1 }).nb).toBe(
      'Synket: 3 sendt, 5 nye hentet. Skyen avviste 1.',
    );
    expect(reportText({ ...ok, quarantined: 2 })).toEqual(
      text(
        'Synket: 3 sendt, 5 nye hentet. 2 lagt til side.',
        'Synced: 3 sent, 5 new received. 2 set aside.',
      ),
    );
    const failed = {
      ...ok,
      ok: false,
      error: {
        code: 'unreachable' as const,
        text: text(
          'Skyen svarer ikke (ECONNREFUSED). Kassen prøver igjen av seg selv.',
          'The cloud does not answer (ECONNREFUSED). The till tries again by itself.',
        ),
      },
    };
    expect(reportText(failed)).toEqual(
      text(
        'Synk feilet. Skyen svarer ikke (ECONNREFUSED). Kassen prøver igjen av seg selv.',
        'Sync failed. The cloud does not answer (ECONNREFUSED). The till tries again by itself.',
      ),
    );
  });

  it('names refused events', () => {
    expect(eventKindText('sale.committed').nb).toBe('Salg');
    // A type this version does not know, or none readable: said in words, the type kept for support.
    expect(eventKindText('something.new')).toEqual({
      nb: 'Ukjent hendelse (something.new)',
      en: 'Unknown event (something.new)',
    });
    expect(eventKindText(null).nb).toBe('Uleselig hendelse');
  });
});

describe('conflicts in plain words', () => {
  it('a coupon used at two tills: its name, the receipts and where', () => {
    const flag = {
      kind: 'coupon_redeemed_twice' as const,
      couponId: 'W-m-1',
      saleIds: ['s1', 's2'],
    };
    const said = cloudConflictText(
      conflict(flag),
      context([sale('s1', '3-17'), sale('s2', '5-4')]),
    );
    expect(said.nb).toBe(
      'Kupongen «Velkomstkupong» ble brukt to ganger (kvittering 3\u201117 på Kasse 1 og 5\u20114 på en annen kasse)',
    );
    expect(said.en).toBe(
      'The coupon “Welcome coupon” was used twice (receipt 3\u201117 at Kasse 1 and 5\u20114 at another till)',
    );
  });

  it('a sale not here yet, a till without a name, a coupon the programme does not know', () => {
    const flag = {
      kind: 'coupon_redeemed_twice' as const,
      couponId: 'P-0190',
      saleIds: ['s0', 's1', 's2'],
    };
    const named: ConflictSale = {
      saleId: 's2',
      receiptNo: '4-9',
      reasons: [
        {
          couponId: 'P-0190',
          reason: text('Kaffekupong: 1 Kaffe gratis', 'Coffee coupon: 1 Kaffe free'),
        },
      ],
    };
    const ctx = context([sale('s0', null), sale('s1', '3-1'), ['s2', named]], null);
    expect(cloudConflictText(conflict(flag), ctx).nb).toBe(
      'Kupongen «Kaffekupong» ble brukt tre ganger (kvittering 3\u20111 på denne kassen, 4\u20119 på en annen kasse og et salg kassen ikke har ennå)',
    );
    const nowhere = context([]);
    expect(cloudConflictText(conflict({ ...flag, couponId: 'W-m-1' }), nowhere).en).toBe(
      'The coupon “Welcome coupon” was used three times (3 sales not on this till yet)',
    );
  });

  it('points and cashback spent twice: whose, and the balance', () => {
    const ctx = context([]);
    expect(cloudConflictText(conflict({ kind: 'negative_points', points: -120 }), ctx).nb).toBe(
      'Poengene til Ingrid ble brukt to ganger: saldo −120',
    );
    expect(
      cloudConflictText(conflict({ kind: 'negative_cashback', amountOre: -1250 }), ctx).nb,
    ).toBe('Bonusen til Ingrid ble brukt to ganger: saldo −12,50 kr');
    const stranger = { memberId: 'm-9', memberNumber: null, firstName: null, enrolledAt: null };
    expect(
      cloudConflictText(conflict({ kind: 'negative_points', points: -5 }, stranger), ctx).nb,
    ).toBe('Poengene til et medlem kassen ikke har ennå ble brukt to ganger: saldo −5');
  });

  it('coupon names come from the programme by their deterministic ids', () => {
    expect(couponName(bakery, 'W-m-1', 'm-1')?.nb).toBe('Velkomstkupong');
    expect(couponName(bakery, 'B-m-1-2026', 'm-1')?.nb).toBe('Bursdagskupong');
    expect(couponName(bakery, 'S-hver-2000-m-1-2', 'm-1')?.nb).toBe('100 kr-kupong');
    expect(couponName(bakery, 'W-m-2', 'm-1')).toBeNull();
    expect(couponName(null, 'W-m-1', 'm-1')).toBeNull();
  });

  it('two members with one phone: who they are and whom a lookup answers', () => {
    const kari = {
      memberId: 'm-2',
      memberNumber: '2900002000014',
      firstName: 'Kari',
      enrolledAt: 2,
    };
    const clash: TillConflict = {
      kind: 'duplicate_phone',
      value: '+4791234567',
      members: [ingrid, kari],
      text: text('', ''),
    };
    expect(tillConflictText(clash).nb).toBe(
      'To medlemmer har mobilnummeret +47 912 34 567: Ingrid og Kari. Oppslag på nummeret gir Ingrid, som meldte seg inn først.',
    );
    expect(
      tillConflictText({ ...clash, kind: 'duplicate_member_number', value: '2900001000017' }).en,
    ).toBe(
      'Two members have the member number 2900001000017: Ingrid and Kari. A lookup by it answers Ingrid, enrolled first.',
    );
  });
});

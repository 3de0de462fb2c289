/**
 * The conflicts a manager reads, said once (src/sync/conflicts.ts): names from
 * the programme and the sales, receipts and where they were printed, whose
 * points; rendered here as the screen renders them.
 */
import { describe, expect, it } from 'vitest';
import { msg, text } from '../../src/core/i18n';
import type { Shown } from '../../src/core/i18n';
import { Programme } from '../../src/core/programme';
import { programmeTemplate } from '../../src/core/templates';
import { render } from '../../src/i18n/render';
import {
  benefitName,
  cloudConflictHint,
  cloudConflictText,
  couponName,
  memberName,
  tillConflictText,
} from '../../src/sync/conflicts';
import type { ConflictContext, ConflictSale } from '../../src/sync/conflicts';
import type { LocalConflict } from '../../src/store/sync-conflicts';
import type { Conflict } from '../../src/sync/protocol';

const bakery = Programme.parse(programmeTemplate('bakeri')!.programme);
const ingrid = {
  memberId: 'm-1',
  memberNumber: '2900001000017',
  firstName: 'Ingrid',
  enrolledAt: 1,
};

const nb = (said: Shown) => render(said, 'nb');
const en = (said: Shown) => render(said, 'en');
const sv = (said: Shown) => render(said, 'sv');

/** A sale at this till (`here`) or another. */
function sale(saleId: string, receiptNo: string | null, here = false): [string, ConflictSale] {
  return [saleId, { saleId, receiptNo, here, names: [] }];
}

function context(
  sales: [string, ConflictSale][],
  ownName: string | null = 'Kasse 1',
): ConflictContext {
  return { programme: bakery, sales: new Map(sales), ownName };
}

function conflict(flag: Conflict['flag'], member: typeof ingrid | null = ingrid) {
  return {
    member: member ?? { memberId: 'm-9', memberNumber: null, firstName: null, enrolledAt: null },
    flag,
  };
}

describe('conflicts in plain words', () => {
  it('a coupon used at two tills: its name, the receipts and where', () => {
    const flag = {
      kind: 'coupon_redeemed_twice' as const,
      couponId: 'W-m-1',
      saleIds: ['s1', 's2'],
    };
    const said = cloudConflictText(
      conflict(flag),
      context([sale('s1', '3-17', true), sale('s2', '5-4')]),
    );
    expect(nb(said)).toBe(
      'Kupongen «Velkomstkupong» ble brukt to ganger (kvittering 3\u201117 på Kasse 1 og 5\u20114 på en annen kasse)',
    );
    expect(en(said)).toBe(
      'The coupon “Welcome coupon” was used twice (receipt 3\u201117 at Kasse 1 and 5\u20114 at another till)',
    );
    expect(sv(said)).toBe(
      'Kupongen ”Velkomstkupong” har använts två gånger (kvitto 3\u201117 i Kasse 1 och 5\u20114 i en annan kassa)',
    );
    expect(nb(cloudConflictHint(flag))).toBe(
      'To kasser uten nett godtok kupongen hver for seg. Begge salgene står som de ble gjort; ingenting er endret.',
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
      here: false,
      names: [{ couponId: 'P-0190', name: text('Kaffekupong', 'Coffee coupon') }],
    };
    const ctx = context([sale('s0', null), sale('s1', '3-1', true), ['s2', named]], null);
    expect(nb(cloudConflictText(conflict(flag), ctx))).toBe(
      'Kupongen «Kaffekupong» ble brukt tre ganger (kvittering 3\u20111 på denne kassen, 4\u20119 på en annen kasse og et salg kassen ikke har ennå)',
    );
    const nowhere = context([]);
    expect(en(cloudConflictText(conflict({ ...flag, couponId: 'W-m-1' }), nowhere))).toBe(
      'The coupon “Welcome coupon” was used three times (3 sales not on this till yet)',
    );
  });

  it('names a coupon or reward by what the sale said, never by its words', () => {
    // A sale said with the catalogue: the coupon's name is its parameter.
    const said = msg('basket.couponDiscount', {
      name: text('Kaffekupong', 'Coffee coupon'),
      discount: '10 %',
    });
    expect(benefitName(said, false)).toEqual(text('Kaffekupong', 'Coffee coupon'));
    // As a sale event keeps it: the words, and the message beside them.
    expect(benefitName({ ...text('Kaffekupong: 10 % rabatt', 'x'), said }, false)).toEqual(
      text('Kaffekupong', 'Coffee coupon'),
    );
    // A sale recorded before benefits were messages: the name is what comes before the colon.
    expect(
      benefitName(text('Kaffekupong: 1 Kaffe gratis', 'Coffee coupon: 1 Kaffe free'), false),
    ).toEqual(text('Kaffekupong', 'Coffee coupon'));
  });

  it('points and cashback spent twice: whose, and the balance', () => {
    const ctx = context([]);
    expect(nb(cloudConflictText(conflict({ kind: 'negative_points', points: -120 }), ctx))).toBe(
      'Poengene til Ingrid ble brukt to ganger: saldo −120',
    );
    expect(
      nb(cloudConflictText(conflict({ kind: 'negative_cashback', amountOre: -1250 }), ctx)),
    ).toBe('Bonusen til Ingrid ble brukt to ganger: saldo −12,50 kr');
    expect(
      nb(cloudConflictText(conflict({ kind: 'negative_points', points: -5 }, null), ctx)),
    ).toBe('Poengene til et medlem kassen ikke har ennå ble brukt to ganger: saldo −5');
    expect(sv(cloudConflictText(conflict({ kind: 'negative_points', points: -120 }), ctx))).toBe(
      'Poängen för Ingrid har använts två gånger: saldo −120',
    );
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
    const clash: LocalConflict = {
      kind: 'duplicate_phone',
      value: '+4791234567',
      members: [ingrid, kari],
    };
    expect(nb(tillConflictText(clash))).toBe(
      'To medlemmer har mobilnummeret +47 912 34 567: Ingrid og Kari. Oppslag på nummeret gir Ingrid, som meldte seg inn først.',
    );
    expect(
      en(tillConflictText({ ...clash, kind: 'duplicate_member_number', value: '2900001000017' })),
    ).toBe(
      'Two members have the member number 2900001000017: Ingrid and Kari. A lookup by it answers Ingrid, enrolled first.',
    );
    expect(sv(tillConflictText(clash))).toBe(
      'Två medlemmar har mobilnumret +47 912 34 567: Ingrid och Kari. En sökning på numret ger Ingrid, som blev medlem först.',
    );
  });

  it('a member the till has not got is said so, one it has by name or number', () => {
    expect(memberName(ingrid)).toBe('Ingrid');
    expect(nb(memberName({ ...ingrid, firstName: null }) as Shown)).toBe(
      'medlemsnr. 2900001000017',
    );
    expect(en(memberName({ ...ingrid, firstName: null, memberNumber: null }) as Shown)).toBe(
      'a member not on this till yet',
    );
  });
});

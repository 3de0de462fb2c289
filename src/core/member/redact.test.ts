import { describe, expect, it } from 'vitest';
import { parseEvent } from '../events';
import type { MemberEvent } from '../events';
import { foldMember } from './fold';
import { redactForErasure } from './redact';
import { DAY, HOUR, memberEvents } from './test-events';
import { osloTime } from './test-programme';

const T0 = osloTime(2026, 3, 2, 10);
const parseMember = (raw: unknown) => parseEvent(raw) as MemberEvent;
const m = memberEvents('m-1');

const history = (): MemberEvent[] => [
  m.enrolled(T0),
  m.profileUpdated(T0 + HOUR, {
    firstName: 'Kari Anne',
    postalCode: '0151',
    phoneE164: '+4790000001',
  }),
  m.consentChanged(T0 + 2 * HOUR, 'email', true, { staffId: 'staff-7' }),
  m.pinSet(T0 + 3 * HOUR, 'hash-of-the-pin-0123456789'),
  m.sale(T0 + DAY, {
    totalOre: 30_000,
    effects: { pointsEarned: 30, stamps: [{ cardId: 'kaffe', count: 2 }] },
  }),
  m.pointsAdjusted(T0 + DAY, 10),
  m.erased(T0 + 2 * DAY),
];

describe('redactForErasure', () => {
  it('removes personal data from each kind of member event', () => {
    const originals = history();
    const [enrolled, updated, consent, pin, sale, adjusted, erased] =
      originals.map(redactForErasure);
    expect(enrolled).toMatchObject({
      type: 'member.enrolled',
      payload: {
        phoneE164: null,
        qrToken: null,
        profile: {
          firstName: null,
          lastName: null,
          email: null,
          birthDate: null,
          postalCode: null,
          gender: null,
        },
        termsVersion: 'v1',
        consents: { sms: true, email: false },
      },
    });
    expect(updated?.payload).toEqual({
      fields: { firstName: null, postalCode: null },
      staffId: 'staff-1',
      at: T0 + HOUR,
    });
    expect(consent).toMatchObject({ payload: { channel: 'email', granted: true, staffId: null } });
    expect(pin).toMatchObject({ payload: { pinHash: null } });
    // Sales, adjustments and the erasure itself hold nothing personal.
    expect(sale).toEqual(originals[4]);
    expect(adjusted).toEqual(originals[5]);
    expect(erased).toEqual(originals[6]);
  });

  it('drops fields a newer till added, at every depth: they may hold personal data', () => {
    const sale = m.sale(T0 + DAY);
    const withExtras = parseMember({
      ...sale,
      payload: {
        ...sale.payload,
        customerNote: 'Kari ringer tilbake',
        lines: sale.payload.lines.map((l) => ({ ...l, engraving: 'Til Kari' })),
      },
    });
    expect(JSON.stringify(withExtras)).toContain('Til Kari');
    const redacted = redactForErasure(withExtras);
    expect(JSON.stringify(redacted)).not.toMatch(/Kari/);
    expect(redacted).toEqual(parseEvent(sale));
    const enrolled = parseMember({
      ...m.enrolled(T0),
      payload: { ...m.enrolled(T0).payload, nickname: 'Kaja' },
    });
    expect(JSON.stringify(redactForErasure(enrolled))).not.toMatch(/Kaja|nickname/);
  });

  it('keeps ids, clocks and types, leaves the original alone, and still parses', () => {
    const originals = history();
    const before = structuredClone(originals);
    const redacted = originals.map(redactForErasure);
    expect(originals).toEqual(before);
    redacted.forEach((event, i) => {
      expect(event.id).toBe(originals[i]!.id);
      expect(event.hlc).toBe(originals[i]!.hlc);
      expect(event.type).toBe(originals[i]!.type);
      expect(parseEvent(structuredClone(event))).toEqual(event);
    });
    expect(JSON.stringify(redacted)).not.toMatch(
      /Kari|Nordmann|kari@|\+47|0150|0151|hash-of|qr-m-1|staff-7/,
    );
  });

  it('folds to the same erased ledger as the originals', () => {
    const originals = history();
    const redacted = originals.map(redactForErasure);
    expect(JSON.stringify(foldMember(redacted))).toBe(JSON.stringify(foldMember(originals)));
    // Partly scrubbed logs (one till done, another not yet) agree too.
    const mixed = originals.map((e, i) => (i % 2 === 0 ? redactForErasure(e) : e));
    expect(foldMember([...mixed].reverse())).toEqual(foldMember(originals));
  });
});

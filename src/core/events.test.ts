import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  clockProblem,
  EventJsonError,
  EventTooLargeError,
  eventBytes,
  isKnownEventType,
  maxEventBytesFor,
  parseEvent,
  parseWireEvent,
  utf8Length,
} from './events';
import { encodeHlc } from './hlc';
import { findJsonProblem, isWellFormedText, LIMITS, toWellFormedText } from './limits';
import { HOUR, memberEvents } from './member/test-events';

const T0 = Date.UTC(2026, 0, 5, 10);

describe('parseWireEvent', () => {
  it('parses a known type as parseEvent does', () => {
    const e = memberEvents('m-1').enrolled(T0);
    const wire = parseWireEvent(JSON.parse(JSON.stringify(e)));
    expect(wire).toEqual({ known: true, event: parseEvent(e) });
  });

  it('keeps an event of a type a newer till writes, payload and all', () => {
    const base = memberEvents('m-1').enrolled(T0);
    const raw = { ...base, type: 'member.nickname_set', payload: { nickname: 'Kari', extra: [1] } };
    const wire = parseWireEvent(raw);
    expect(wire.known).toBe(false);
    expect(wire.event).toEqual(raw);
    expect(isKnownEventType('member.nickname_set')).toBe(false);
    expect(isKnownEventType('member.enrolled')).toBe(true);
    expect(isKnownEventType('toString')).toBe(false);
  });

  it('reads a newer schemaVersion instead of refusing it', () => {
    const e = { ...memberEvents('m-1').enrolled(T0), schemaVersion: 7 };
    expect(parseWireEvent(e)).toMatchObject({ known: true, event: { schemaVersion: 7 } });
  });

  it('refuses a malformed envelope or text, known type or not', () => {
    const base = memberEvents('m-1').enrolled(T0 + HOUR);
    expect(() => parseWireEvent({ ...base, type: 'Not A Type' })).toThrow();
    expect(() => parseWireEvent({ ...base, type: 'x.y', id: 'nope' })).toThrow(/UUIDv7/);
    expect(() => parseWireEvent({ ...base, type: 'x.y', payload: { a: 'A\u0000' } })).toThrow(
      EventJsonError,
    );
    expect(() => parseWireEvent({ ...base, junk: 'Ann\ud800e' })).toThrow(EventJsonError);
    expect(() => parseWireEvent(null)).toThrow();
  });
});

describe('event bounds (LIMITS)', () => {
  const m = memberEvents('m-bounds');
  const problemAt = (raw: unknown): string => {
    try {
      parseEvent(raw);
      return 'parsed';
    } catch (error) {
      const issues = (error as { issues?: { path: PropertyKey[] }[] }).issues;
      return issues ? issues[0]!.path.join('.').replace(/^payload\./, '') : (error as Error).name;
    }
  };

  it('refuses figures beyond the limits, naming the field, and takes them at the limit', () => {
    const sale = m.sale(T0);
    const line = sale.payload.lines[0]!;
    const withLine = (patch: object) => ({
      ...sale,
      payload: { ...sale.payload, lines: [{ ...line, ...patch }] },
    });
    expect(problemAt(withLine({ quantity: LIMITS.maxLineQuantity }))).toBe('parsed');
    expect(problemAt(withLine({ quantity: LIMITS.maxLineQuantity + 1 }))).toBe('lines.0.quantity');
    expect(problemAt(withLine({ unitPriceOre: LIMITS.maxUnitPriceOre + 1 }))).toBe(
      'lines.0.unitPriceOre',
    );
    expect(problemAt(withLine({ paidOre: -LIMITS.maxBasketOre - 1 }))).toBe('lines.0.paidOre');
    expect(
      problemAt({ ...sale, payload: { ...sale.payload, totalOre: LIMITS.maxBasketOre + 1 } }),
    ).toBe('totalOre');
    const lines = Array.from({ length: LIMITS.maxBasketLines + 1 }, (_, i) => ({
      ...line,
      lineId: `l${i}`,
    }));
    expect(problemAt({ ...sale, payload: { ...sale.payload, lines } })).toBe('lines');
    expect(problemAt(m.pointsAdjusted(T0, LIMITS.maxPointsAdjustment))).toBe('parsed');
    expect(problemAt(m.pointsAdjusted(T0, -LIMITS.maxPointsAdjustment))).toBe('parsed');
    expect(problemAt(m.pointsAdjusted(T0, 9007199254740991))).toBe('points');
    expect(problemAt(m.pointsAdjusted(T0, LIMITS.maxPointsAdjustment + 1))).toBe('points');
    expect(problemAt(m.sale(T0, { effects: { pointsEarned: LIMITS.maxPoints + 1 } }))).toBe(
      'effects.pointsEarned',
    );
  });

  it('refuses text over its length and ids over LIMITS.maxIdLength', () => {
    const sale = m.sale(T0);
    const line = sale.payload.lines[0]!;
    const longId = 'x'.repeat(LIMITS.maxIdLength + 1);
    expect(
      problemAt({ ...sale, payload: { ...sale.payload, lines: [{ ...line, lineId: longId }] } }),
    ).toBe('lines.0.lineId');
    expect(problemAt({ ...sale, terminalId: longId })).toBe('terminalId');
    expect(problemAt(m.profileUpdated(T0, { firstName: 'K'.repeat(81) }))).toBe('fields.firstName');
  });

  it('refuses malformed text anywhere, unknown fields included', () => {
    expect(() => parseEvent(m.profileUpdated(T0, { firstName: 'Ann\ud800e' }))).toThrow(
      EventJsonError,
    );
    const sale = m.sale(T0);
    expect(() =>
      parseEvent({ ...sale, payload: { ...sale.payload, note: { deep: ['a\u0000'] } } }),
    ).toThrow(/payload\.note\.deep\.0/);
    expect(() => parseEvent({ ...sale, payload: { ...sale.payload, big: 2 ** 60 } })).toThrow(
      EventJsonError,
    );
  });

  it('refuses an event over its serialised size, and takes a larger programme or catalogue', () => {
    const sale = m.sale(T0);
    const padded = (bytes: number) => ({
      ...sale,
      payload: { ...sale.payload, padding: 'x'.repeat(bytes) },
    });
    const size = eventBytes(padded(0));
    expect(() => parseEvent(padded(LIMITS.maxEventBytes - size))).not.toThrow();
    expect(() => parseEvent(padded(LIMITS.maxEventBytes - size + 1))).toThrow(EventTooLargeError);
    expect(maxEventBytesFor('catalogue.saved')).toBe(LIMITS.maxConfigEventBytes);
    expect(utf8Length('æ😀a')).toBe(new TextEncoder().encode('æ😀a').length);
  });

  it('names where in a value the first problem is', () => {
    expect(findJsonProblem({ a: [1, { b: 'x\u0000' }] })).toMatchObject({
      code: 'malformed_text',
      path: 'a.1.b',
    });
    expect(findJsonProblem({ a: { 'k\ud800': 1 } })).toMatchObject({ path: 'a.k\ud800' });
    expect(findJsonProblem({ ok: 'fine', n: [1, 2, 2 ** 60] })).toMatchObject({
      code: 'unsafe_number',
      path: 'n.2',
    });
    expect(findJsonProblem([[[1]]], 2)).toMatchObject({ code: 'too_deep', path: '0.0' });
    expect(findJsonProblem('\ud800')).toMatchObject({
      path: '',
      message: expect.stringMatching(/^value:/),
    });
    expect(findJsonProblem({ a: [{ b: 'x' }], c: 'y' })).toBeNull();
  });

  it('counts UTF-8 bytes as an encoder does, lone surrogates as the replacement character', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(utf8Length(text)).toBe(new TextEncoder().encode(text).length);
      }),
    );
    for (const text of ['', 'abc', 'ø', 'a\ud800b', '\udc00', '😀😀x', 'x\ud83d']) {
      expect(utf8Length(text)).toBe(new TextEncoder().encode(text).length);
    }
  });

  it('judges clocks: too far ahead, a counter with no room left, or not a clock', () => {
    const now = T0;
    const at = (wallMs: number, counter = 0) => encodeHlc({ wallMs, counter, node: 'till-1' });
    expect(clockProblem(at(now + LIMITS.maxClockAheadMs), now)).toBeNull();
    expect(clockProblem(at(now + LIMITS.maxClockAheadMs + 1), now)).toBe('ahead');
    expect(clockProblem('999999999999999-zzzzzz-x', now)).toBe('ahead');
    expect(clockProblem(at(now - 1000, 36 ** 6 - 1), now)).toBe('invalid');
    expect(clockProblem('soon', now)).toBe('invalid');
  });
});

describe('fields this version does not know', () => {
  it('are kept by parseEvent, at every depth, programme and catalogue included', () => {
    const m = memberEvents('m-open');
    const sale = m.sale(T0);
    const raw = {
      ...sale,
      payload: {
        ...sale.payload,
        giftWrap: true,
        lines: sale.payload.lines.map((l) => ({ ...l, colour: 'blue' })),
        effects: { ...sale.payload.effects, badges: ['gold'] },
      },
    };
    expect(parseEvent(structuredClone(raw))).toEqual(raw);
    const enrolled = m.enrolled(T0);
    const rawEnrolled = {
      ...enrolled,
      payload: { ...enrolled.payload, profile: { ...enrolled.payload.profile, pronoun: 'hun' } },
    };
    expect(parseEvent(structuredClone(rawEnrolled))).toEqual(rawEnrolled);
  });
});

describe('toWellFormedText', () => {
  it('marks NUL and lone surrogates and never cuts a pair in two', () => {
    expect(toWellFormedText('a\u0000b\ud800c\udc00d😀e')).toBe('a\ufffdb\ufffdc\ufffdd😀e');
    expect(toWellFormedText('a😀', 2)).toBe('a');
    expect(isWellFormedText(toWellFormedText('x\ud800'.repeat(50), 33))).toBe(true);
  });
});

describe('properties', () => {
  const m = memberEvents('m-property');
  /** JSON values every party takes in: well-formed text, safe numbers, bounded depth. */
  const storable = fc
    .jsonValue({ maxDepth: 4 })
    .filter((v) => findJsonProblem(v) === null && !Object.is(v, -0));
  const key = fc
    .string({ minLength: 1, maxLength: 12 })
    .filter((k) => isWellFormedText(k) && !['__proto__', 'constructor', 'prototype'].includes(k));

  it('keeps any field it does not know, at the top of a payload or in a line, unchanged', () => {
    fc.assert(
      fc.property(key, storable, key, storable, (topKey, topValue, lineKey, lineValue) => {
        const sale = m.sale(T0);
        const payload = sale.payload as unknown as Record<string, unknown>;
        const line = sale.payload.lines[0] as unknown as Record<string, unknown>;
        fc.pre(!(topKey in payload) && !(lineKey in line));
        const raw = JSON.parse(
          JSON.stringify({
            ...sale,
            payload: { ...payload, [topKey]: topValue, lines: [{ ...line, [lineKey]: lineValue }] },
          }),
        ) as unknown;
        expect(parseEvent(structuredClone(raw))).toEqual(raw);
      }),
      { numRuns: 200 },
    );
  });

  it('makes any text well-formed, within its bound', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), fc.nat(50), (value, max) => {
        const made = toWellFormedText(value, max);
        expect(isWellFormedText(made)).toBe(true);
        expect(made.length).toBeLessThanOrEqual(max);
        if (isWellFormedText(value) && value.length <= max) expect(made).toBe(value);
      }),
    );
  });
});

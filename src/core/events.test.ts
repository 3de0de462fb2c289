import { describe, expect, it } from 'vitest';
import { EventJsonError, isKnownEventType, parseEvent, parseWireEvent } from './events';
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

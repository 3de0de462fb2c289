/**
 * Quiet hours on the wall clock of the chain's time zone, across both clock
 * changes: a message due in quiet hours goes at their end, and never inside
 * them, even when the end's wall time does not exist that night.
 */
import { describe, expect, it } from 'vitest';
import { afterQuietHours } from './settings';

const OSLO = 'Europe/Oslo';
const at = (iso: string) => Date.parse(iso);
/** Quiet from 22:00 to the given end (minutes past midnight). */
const quiet = (endMinute: number) => ({ quietStartMinute: 22 * 60, quietEndMinute: endMinute });

describe('afterQuietHours', () => {
  it('lets a message outside quiet hours go at once', () => {
    expect(afterQuietHours(at('2026-06-10T10:00:00Z'), quiet(8 * 60), OSLO)).toBe(
      at('2026-06-10T10:00:00Z'),
    );
  });

  it('holds a message due at 23:00 to 08:00 the next morning, summer and winter', () => {
    // 23:00 CEST = 21:00Z; 08:00 CEST = 06:00Z.
    expect(afterQuietHours(at('2026-06-10T21:00:00Z'), quiet(8 * 60), OSLO)).toBe(
      at('2026-06-11T06:00:00Z'),
    );
    // 23:00 CET = 22:00Z; 08:00 CET = 07:00Z.
    expect(afterQuietHours(at('2026-01-10T22:00:00Z'), quiet(8 * 60), OSLO)).toBe(
      at('2026-01-11T07:00:00Z'),
    );
  });

  it('keeps 08:00 on the wall on the nights the clocks change', () => {
    // 29 March 2026: 02:00 CET becomes 03:00 CEST; 08:00 CEST = 06:00Z.
    expect(afterQuietHours(at('2026-03-28T23:30:00Z'), quiet(8 * 60), OSLO)).toBe(
      at('2026-03-29T06:00:00Z'),
    );
    // 25 October 2026: 03:00 CEST becomes 02:00 CET; 08:00 CET = 07:00Z.
    expect(afterQuietHours(at('2026-10-24T22:30:00Z'), quiet(8 * 60), OSLO)).toBe(
      at('2026-10-25T07:00:00Z'),
    );
  });

  it('holds to the first instant after the spring gap when quiet hours end inside it', () => {
    // Quiet 22:00–02:30; 02:30 does not exist on 29 March 2026 (02:00 CET → 03:00 CEST).
    // Due at 00:30 CET (23:30Z): it may go at 03:00 CEST (01:00Z), not at 01:30 CET.
    const sent = afterQuietHours(at('2026-03-28T23:30:00Z'), quiet(150), OSLO);
    expect(sent).toBe(at('2026-03-29T01:00:00Z'));
  });

  it('ends at the first 02:30 of the night the clocks go back', () => {
    // 25 October 2026: 02:30 comes twice; the first is 00:30Z (CEST).
    expect(afterQuietHours(at('2026-10-24T23:00:00Z'), quiet(150), OSLO)).toBe(
      at('2026-10-25T00:30:00Z'),
    );
  });
});

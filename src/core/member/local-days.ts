/**
 * Validity windows counted in the store's local days. A window's end is its last
 * millisecond (inclusive), so "valid while validFrom ≤ now ≤ validTo".
 */
import { addDays, localDateOf, startOfLocalDay } from '../time';
import type { LocalDate } from '../time';

export const DAY_MS = 86_400_000;

export function endOfLocalDay(date: LocalDate, timeZone: string): number {
  return startOfLocalDay(addDays(date, 1), timeZone) - 1;
}

/**
 * The last instant of something valid for `days` local days counting the day
 * it is issued: issued 1 March and valid 30 days → valid through 30 March.
 */
export function validThrough(issuedAt: number, days: number, timeZone: string): number {
  return endOfLocalDay(addDays(localDateOf(issuedAt, timeZone), days - 1), timeZone);
}

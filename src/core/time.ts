/**
 * Calendar arithmetic in the store's time zone. Pure: the instant is always passed
 * in. Uses Intl (part of the language, not an I/O API).
 */

export interface LocalDate {
  year: number;
  month: number; // 1-12
  day: number; // 1-31
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

function formattedParts(ms: number, timeZone: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(ms)) {
    if (p.type !== 'literal') out[p.type] = Number(p.value);
  }
  return out;
}

/**
 * Intl is the costliest step of a basket evaluation, so the zone's offset is
 * cached per UTC day: when the offset is the same at both ends of the day there
 * is no change inside it (zones change at most twice a year, never twice in a
 * day), and on the two change days each instant asks Intl. Bounded in size.
 */
const DAY_MS = 86_400_000;
const OFFSET_CACHE_LIMIT = 20_000;
const offsetCache = new Map<string, number | null>();

function exactOffsetMs(ms: number, timeZone: string): number {
  const p = formattedParts(ms, timeZone);
  const wholeSecond = ms - (((ms % 1000) + 1000) % 1000);
  return Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!) - wholeSecond;
}

function zoneOffsetMs(ms: number, timeZone: string): number {
  const day = Math.floor(ms / DAY_MS);
  const key = `${timeZone}|${day}`;
  let offset = offsetCache.get(key);
  if (offset === undefined) {
    const atStart = exactOffsetMs(day * DAY_MS, timeZone);
    const atEnd = exactOffsetMs((day + 1) * DAY_MS - 1000, timeZone);
    offset = atStart === atEnd ? atStart : null;
    if (offsetCache.size >= OFFSET_CACHE_LIMIT) offsetCache.clear();
    offsetCache.set(key, offset);
  }
  return offset ?? exactOffsetMs(ms, timeZone);
}

function parts(ms: number, timeZone: string): Record<string, number> {
  const local = new Date(ms + zoneOffsetMs(ms, timeZone));
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
    second: local.getUTCSeconds(),
  };
}

/** The wall-clock time in the zone (hours 0–23). */
export function localTimeOf(ms: number, timeZone: string): { hour: number; minute: number } {
  const p = parts(ms, timeZone);
  return { hour: p.hour!, minute: p.minute! };
}

export function localDateOf(ms: number, timeZone: string): LocalDate {
  const p = parts(ms, timeZone);
  return { year: p.year!, month: p.month!, day: p.day! };
}

export function isoDate(d: LocalDate): string {
  return `${String(d.year).padStart(4, '0')}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

export function parseIsoDate(value: string): LocalDate {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) throw new RangeError(`not a date (YYYY-MM-DD): ${value}`);
  const d = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  if (d.month < 1 || d.month > 12 || d.day < 1 || d.day > daysInMonth(d.year, d.month)) {
    throw new RangeError(`no such date: ${value}`);
  }
  return d;
}

/** A real calendar date as YYYY-MM-DD from year 1 (no 30 February, no year 0): what a date column takes. */
export function isCalendarDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** The earliest date of birth a member may have (the import's rule too). */
export const EARLIEST_BIRTH_DATE = '1900-01-01';

/** A real date (YYYY-MM-DD) from EARLIEST_BIRTH_DATE on: what a form may take, before it knows today. */
export function isBirthDateShape(value: string): boolean {
  return isCalendarDate(value) && value >= EARLIEST_BIRTH_DATE;
}

/** A member's date of birth on `today` (the store's local date, YYYY-MM-DD): a real date from 1900 to today. */
export function isBirthDateOn(value: string, today: string): boolean {
  return isBirthDateShape(value) && value <= today;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
}

/** Days since 1970-01-01 for a calendar date (no time zone involved). */
export function dayNumber(d: LocalDate): number {
  return Math.floor(Date.UTC(d.year, d.month - 1, d.day) / 86_400_000);
}

export function fromDayNumber(n: number): LocalDate {
  const dt = new Date(n * 86_400_000);
  return { year: dt.getUTCFullYear(), month: dt.getUTCMonth() + 1, day: dt.getUTCDate() };
}

/**
 * Date arithmetic stays between 1970-01-01 and 9999-12-31: a programme may ask
 * for any number of days or months (a point lifetime of a billion months), and
 * every instant an event carries must be a non-negative safe integer.
 */
const FIRST_DAY = 0;
const LAST_DAY = Math.floor(Date.UTC(9999, 11, 31) / 86_400_000);

export function addDays(d: LocalDate, days: number): LocalDate {
  return fromDayNumber(Math.min(LAST_DAY, Math.max(FIRST_DAY, dayNumber(d) + days)));
}

/** Add months, clamping to the month's last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(d: LocalDate, months: number): LocalDate {
  const index = Math.min(9999 * 12 + 11, Math.max(1970 * 12, d.year * 12 + (d.month - 1) + months));
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return { year, month, day: Math.min(d.day, daysInMonth(year, month)) };
}

/** The instant a local date starts (00:00) in the time zone. */
export function startOfLocalDay(d: LocalDate, timeZone: string): number {
  // Guess UTC midnight, then correct by the zone's offset at that instant (twice, for DST edges).
  let guess = Date.UTC(d.year, d.month - 1, d.day);
  for (let i = 0; i < 2; i++) {
    const p = parts(guess, timeZone);
    const asUtc = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
    guess += Date.UTC(d.year, d.month - 1, d.day) - asUtc;
  }
  return guess;
}

/** A birthday in a given year: 29 February falls on 28 February in non-leap years. */
export function birthdayIn(year: number, birth: LocalDate): LocalDate {
  if (birth.month === 2 && birth.day === 29 && !isLeapYear(year))
    return { year, month: 2, day: 28 };
  return { year, month: birth.month, day: birth.day };
}

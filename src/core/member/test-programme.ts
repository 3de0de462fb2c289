/**
 * Test helper: a valid programme (defaults filled in by the schema) and instants
 * at a local time in the programme's zone.
 */
import { parseProgramme } from '../programme';
import type { Programme, ProgrammeInput } from '../programme';
import { startOfLocalDay } from '../time';

export const TEST_TIME_ZONE = 'Europe/Oslo';

export function testProgramme(input: Partial<ProgrammeInput> = {}): Programme {
  return parseProgramme({ name: 'Testbutikken', termsVersion: 'v1', ...input });
}

/** The instant of a local wall-clock time in Oslo (default noon). */
export function osloTime(year: number, month: number, day: number, hour = 12, minute = 0): number {
  return startOfLocalDay({ year, month, day }, TEST_TIME_ZONE) + (hour * 60 + minute) * 60_000;
}

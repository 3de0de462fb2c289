/**
 * Staff events as a till writes them (`staff.saved`, `staff.logged_in`), for
 * tests that push them to a real cloud: the vitest suites and the back
 * office's Playwright spec (so this file imports no test runner).
 */
import { EVENT_SCHEMA_VERSION } from '../../src/core/events';
import type { EventEnvelope } from '../../src/core/events';
import { encodeHlc } from '../../src/core/hlc';
import { testEventId } from '../../src/core/member/test-events';

export interface TillOrigin {
  chainId: string;
  storeId: string;
  terminalId: string;
}

let clock = 0;
/** A PIN hash of the till's form (the cloud stores it, never reads it). */
const PIN_HASH = `scrypt$16384$8$1$${'a'.repeat(22)}$${'b'.repeat(43)}`;

export function staffSavedEvent(
  origin: TillOrigin,
  employeeId: string,
  options: {
    author?: string | null;
    name?: string;
    role?: 'cashier' | 'manager';
    active?: boolean;
    at?: number;
  } = {},
): EventEnvelope<'staff.saved'> {
  clock += 1;
  const at = options.at ?? Date.UTC(2026, 4, 4, 9) + clock * 1000;
  return {
    id: testEventId(at),
    ...origin,
    hlc: encodeHlc({ wallMs: at, counter: clock, node: origin.terminalId }),
    type: 'staff.saved',
    memberId: null,
    payload: {
      employeeId,
      name: options.name ?? `Ansatt ${employeeId}`,
      role: options.role ?? 'cashier',
      pinHash: PIN_HASH,
      active: options.active ?? true,
      staffId: options.author ?? null,
      at,
    },
    schemaVersion: EVENT_SCHEMA_VERSION,
  };
}

export function staffLoggedInEvent(
  origin: TillOrigin,
  staffId: string,
  at: number,
): EventEnvelope<'staff.logged_in'> {
  clock += 1;
  return {
    id: testEventId(at),
    ...origin,
    hlc: encodeHlc({ wallMs: at, counter: clock, node: origin.terminalId }),
    type: 'staff.logged_in',
    memberId: null,
    payload: { staffId, at },
    schemaVersion: EVENT_SCHEMA_VERSION,
  };
}

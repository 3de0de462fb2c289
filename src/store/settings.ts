/** Small key/value settings of this till (identity, serials, clock). */
import { reading } from './db';
import type { Db, Readable } from './db';
import { statement } from './statements';

export const SettingKeys = {
  chainId: 'terminal.chain_id',
  storeId: 'terminal.store_id',
  terminalId: 'terminal.terminal_id',
  /** This till's slot in the chain: the block of member numbers and receipt numbers it owns. */
  terminalSlot: 'terminal.slot',
  memberSerial: 'serial.member',
  receiptSerial: 'serial.receipt',
  hlcLast: 'hlc.last',
  /** The latest time a cloud vouched for (its Date header on a pull): a wall clock behind it is wrong. */
  hlcTrustedMs: 'hlc.trusted_ms',
  catalogueHlc: 'catalogue.hlc',
} as const;

export function getSetting(handle: Readable, key: string): string | null {
  const db = reading(handle);
  const row = statement(db, 'SELECT value FROM settings WHERE key = ?').get(key) as
    { value: string } | undefined;
  return row?.value ?? null;
}

export function setSetting(db: Db, key: string, value: string): void {
  statement(
    db,
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  ).run(key, value);
}

/** Add one to a counter setting and answer the new value (call inside a transaction). */
export function nextCounter(db: Db, key: string): number {
  const row = statement(
    db,
    `INSERT INTO settings (key, value) VALUES (?, '1')
     ON CONFLICT (key) DO UPDATE SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT)
     RETURNING value`,
  ).get(key) as { value: string };
  return Number(row.value);
}

/** Key/value state of the sync client (cursor, last sync, connection state). */
import { reading } from './db';
import type { Db, Readable } from './db';
import { pluckStatement, statement } from './statements';

export function getSyncState(handle: Readable, key: string): string | null {
  const db = reading(handle);
  const value = pluckStatement(db, 'SELECT value FROM sync_state WHERE key = ?').get(key) as
    string | undefined;
  return value ?? null;
}

export function setSyncState(db: Db, key: string, value: string): void {
  statement(
    db,
    'INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  ).run(key, value);
}

export function deleteSyncState(db: Db, key: string): void {
  statement(db, 'DELETE FROM sync_state WHERE key = ?').run(key);
}

export const SyncStateKeys = {
  /** 'online' | 'offline'; absent while the till is not paired. */
  connection: 'connection',
  lastSyncAt: 'last_sync_at',
  /** Why the last sync failed: JSON `{code, text: {nb, en}}` (see src/sync/problems.ts). */
  lastError: 'last_error',
} as const;

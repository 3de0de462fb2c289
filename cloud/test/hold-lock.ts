/**
 * A third writer holding a lock for a test (or writes left uncommitted: a push
 * in flight), in a transaction of its own until `release()`, so the writers
 * under test queue for it in a known order. Without a test runner's imports (the Playwright specs take it).
 */
import type { Database, Queryable } from '../db/database';

export interface HeldLock {
  /** Lets the lock go (harmless twice); `done` settles once the holder's transaction has ended. */
  release(): void;
  done: Promise<void>;
}

/** Resolves once `take` has the lock. */
export async function holdLock(
  db: Database,
  take: (tx: Queryable) => Promise<void>,
): Promise<HeldLock> {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  let taken!: () => void;
  const holding = new Promise<void>((resolve) => (taken = resolve));
  const done = db.transaction(async (tx) => {
    await take(tx);
    taken();
    await held;
  });
  await Promise.race([holding, done]);
  return { release, done };
}

/** An advisory lock space (pg_locks' classid), and within it the key `hashtext(keyOf)` (any key without). */
export interface AdvisoryLocks {
  space: number;
  keyOf?: string;
}

/**
 * Resolves once at least `count` sessions wait, without having it, for an
 * advisory lock of `locks`: the writers under test have reached it.
 * PostgreSQL only.
 */
export async function waitersOn(
  db: Database,
  count: number,
  locks: readonly AdvisoryLocks[],
): Promise<void> {
  for (let tries = 0; tries < 400; tries += 1) {
    const rows = await db.query<{ n: string }>(
      `SELECT count(*) AS n FROM pg_locks l
         JOIN unnest($1::int[], $2::text[]) AS w(space, key_of)
           ON l.classid = w.space::oid AND (w.key_of IS NULL OR l.objid = hashtext(w.key_of)::oid)
        WHERE l.locktype = 'advisory' AND NOT l.granted`,
      [locks.map((l) => l.space), locks.map((l) => l.keyOf ?? null)],
    );
    if (Number(rows[0]!.n) >= count) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`fewer than ${count} sessions waiting for the advisory locks after 10 s`);
}

/**
 * New events announced: a till holds `GET /v1/sync/announcements?after=<its
 * cursor>` open, and the cloud answers with the chain's head (its newest
 * position) as soon as the chain has events after that cursor — at once when
 * it already has, else when a push by another till of the chain (or a write
 * from the back office) commits, else when the hold ends. The answer names a
 * position only, never events: the till pulls them with its own token and
 * scope, as always.
 *
 * While it holds, the cloud writes a space every `heartbeatMs` (leading
 * whitespace is valid JSON), so a proxy or NAT box that closes connections
 * idle for a few seconds leaves this one alone. Waiters live in this process:
 * a cloud of several processes still tells every till within one hold, when
 * the hold ends and the head is read again.
 */
import { PassThrough } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { AnnouncementQuery, MAX_ANNOUNCEMENT_WAIT_MS, ROUTES } from '../../src/sync/protocol';
import type { AnnouncementResponse } from '../../src/sync/protocol';
import type { Queryable } from '../db/database';
import { toInt } from '../db/database';
import type { RouteContext } from './context';

/** Between the spaces sent while holding: under the idle timeouts of common proxies (30–60 s). */
export const DEFAULT_ANNOUNCEMENT_HEARTBEAT_MS = 5_000;

interface Waiter {
  chainId: string;
  /** Who waits (a terminal id, or an admin token's key): not told of its own pushes. */
  who: string;
  after: bigint;
  /** `closing`: the server is closing, and the connection with it once answered. */
  answer(head: string, closing?: boolean): void;
}

/** The chain's newest position ('0' for an empty chain): the primary key's last entry. */
export async function chainHead(db: Queryable, chainId: string): Promise<string> {
  const rows = await db.query<{ head: unknown }>(
    'SELECT max(pos) AS head FROM event_order WHERE chain_id = $1',
    [chainId],
  );
  const head = rows[0]?.head;
  return head === null || head === undefined ? '0' : String(toInt(head));
}

/** The tills waiting per chain, woken when their chain's head moves past their cursor. */
export class Announcer {
  private readonly waiting = new Map<string, Set<Waiter>>();
  /** Chains whose head is being read, and whether another change came meanwhile. */
  private readonly reading = new Map<string, { again: Set<string | null> }>();
  private closed = false;

  constructor(private readonly db: Queryable) {}

  /** How many requests are held now (tests and the status). */
  get held(): number {
    let n = 0;
    for (const set of this.waiting.values()) n += set.size;
    return n;
  }

  add(waiter: Waiter): () => void {
    if (this.closed) {
      waiter.answer(String(waiter.after), true);
      return () => undefined;
    }
    let set = this.waiting.get(waiter.chainId);
    if (!set) this.waiting.set(waiter.chainId, (set = new Set()));
    set.add(waiter);
    return () => {
      set.delete(waiter);
      if (set.size === 0 && this.waiting.get(waiter.chainId) === set)
        this.waiting.delete(waiter.chainId);
    };
  }

  /**
   * Events of the chain committed (`by` wrote them, and is not told; null: the
   * back office). One read of the head per change, however many wait; changes
   * arriving while it is read are answered by one more read after it.
   */
  changed(chainId: string, by: string | null): void {
    if (this.closed || !this.waiting.has(chainId)) return;
    const running = this.reading.get(chainId);
    if (running) {
      running.again.add(by);
      return;
    }
    const state = { again: new Set<string | null>() };
    this.reading.set(chainId, state);
    void this.readAndWake(chainId, new Set([by]), state);
  }

  /**
   * A write whose chain is not known here (the back office's): the heads of
   * every chain with waiters, in one statement (an index probe each).
   */
  changedSomewhere(): void {
    const chains = [...this.waiting.keys()];
    if (this.closed || chains.length === 0) return;
    this.db
      .query<{ chain_id: string; head: unknown }>(
        `SELECT c AS chain_id, (SELECT max(pos) FROM event_order WHERE chain_id = c) AS head
           FROM unnest($1::text[]) AS c`,
        [chains],
      )
      .then(
        (rows) => {
          for (const row of rows) {
            if (row.head === null || row.head === undefined) continue;
            const head = String(toInt(row.head));
            for (const waiter of [...(this.waiting.get(row.chain_id) ?? [])])
              if (BigInt(head) > waiter.after) waiter.answer(head);
          }
        },
        // The database did not answer: the held requests read the head again when their hold ends.
        () => undefined,
      );
  }

  /** Answer every held request with the head it last knew (the server is closing). */
  close(): void {
    this.closed = true;
    for (const set of [...this.waiting.values()])
      for (const waiter of [...set]) waiter.answer(String(waiter.after), true);
    this.waiting.clear();
  }

  private async readAndWake(
    chainId: string,
    writers: Set<string | null>,
    state: { again: Set<string | null> },
  ): Promise<void> {
    try {
      const head = await chainHead(this.db, chainId);
      const position = BigInt(head);
      for (const waiter of [...(this.waiting.get(chainId) ?? [])]) {
        // Only the writer itself is left out: it has its own events already.
        const onlyOwn = writers.size === 1 && writers.has(waiter.who);
        if (position > waiter.after && !onlyOwn) waiter.answer(head);
      }
    } catch {
      // The database did not answer: the held requests read the head again when their hold ends.
    } finally {
      this.reading.delete(chainId);
      if (state.again.size > 0 && !this.closed) {
        const next = { again: new Set<string | null>() };
        this.reading.set(chainId, next);
        void this.readAndWake(chainId, state.again, next);
      }
    }
  }
}

export interface AnnouncementOptions {
  heartbeatMs: number;
}

export function registerAnnouncementRoute(
  app: FastifyInstance,
  ctx: RouteContext,
  announcer: Announcer,
  options: AnnouncementOptions,
): void {
  app.get(ROUTES.announcements, async (request, reply) => {
    const who = await ctx.authorise(request, ['terminal', 'admin']);
    const query = AnnouncementQuery.parse(request.query);
    const after = BigInt(query.after);
    const waitMs = Math.min(query.waitMs, MAX_ANNOUNCEMENT_WAIT_MS);
    const waiterId = who.role === 'terminal' ? who.terminalId : who.key;

    // Registered before the head is read: a push committing in between still wakes it.
    let woken: string | null = null;
    let closingNow = false;
    let wake: (head: string, closing?: boolean) => void = (h, closing = false) => {
      woken = h;
      closingNow = closing;
    };
    const remove = announcer.add({
      chainId: who.chainId,
      who: waiterId,
      after,
      answer: (h, closing) => wake(h, closing),
    });
    let head: string;
    try {
      head = await chainHead(ctx.db, who.chainId);
    } catch (error) {
      remove();
      throw error;
    }
    const newer = (a: string, b: string) => (BigInt(a) > BigInt(b) ? a : b);
    if (woken !== null || BigInt(head) > after || waitMs === 0) {
      remove();
      if (closingNow) reply.header('connection', 'close');
      const body: AnnouncementResponse = { head: woken === null ? head : newer(woken, head) };
      return body;
    }

    // Held: the answer goes out as a stream, so spaces can keep the connection busy.
    const stream = new PassThrough();
    let finished = false;
    const finish = (latest: string, closing = false) => {
      if (finished) return;
      finished = true;
      clearInterval(beat);
      clearTimeout(hold);
      remove();
      const body: AnnouncementResponse = { head: newer(latest, head) };
      // Closing: the connection ends with the answer, else it would keep close() waiting as kept alive.
      if (closing) reply.raw.once('finish', () => request.raw.socket.end());
      if (!stream.writableEnded) stream.end(JSON.stringify(body));
    };
    wake = finish;
    const beat = setInterval(() => stream.write(' '), options.heartbeatMs);
    const hold = setTimeout(() => {
      // The hold is over: read the head again (another cloud process's writes count too).
      chainHead(ctx.db, who.chainId).then(
        (latest) => finish(latest),
        () => finish(head),
      );
    }, waitMs);
    // The till went away (or a proxy cut it): stop holding.
    reply.raw.once('close', () => finish(head));
    reply.type('application/json; charset=utf-8');
    stream.write(' ');
    return reply.send(stream);
  });
}

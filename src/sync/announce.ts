/**
 * The till's ear on the cloud: one request at a time held open at
 * `GET /v1/sync/announcements` (cloud/http/announce.ts), answered when the
 * chain has events past what this till has heard of. Then the till syncs at
 * once (`onNews`); the events come by the ordinary pull. A long poll rather
 * than a WebSocket: plain HTTP with the terminal's token, through any proxy
 * that passes the other sync routes (the cloud's heartbeat spaces keep the
 * idle-cutting ones quiet).
 *
 * When the cloud cannot be reached it tries again after the sync backoff; a
 * cloud that has no such route (an older one: 404) is asked again only after
 * `unsupportedRetryMs`. Neither touches the sync status: the interval's
 * polling goes on regardless, and is all a till has while this is down.
 */
import type { BackoffSettings } from './backoff';
import { retryDelay } from './backoff';
import { CloudRefused, CloudUnavailable } from './cloud-api';
import type { CloudApi } from './cloud-api';
import { DEFAULT_ANNOUNCEMENT_WAIT_MS } from './protocol';

export type AnnouncementState =
  /** Not started, or stopped (unpaired, sync off). */
  | 'off'
  /** A request is held at the cloud (or about to be). */
  | 'listening'
  /** The last try failed; the next one waits for the backoff. */
  | 'reconnecting'
  /** The cloud has no announcements (older): asked again after a long while. */
  | 'unsupported';

export interface AnnouncementStats {
  state: AnnouncementState;
  /** Answers that said the chain has events past this till's cursor. */
  heard: number;
  /** Tries that failed (reset by each answer). */
  failures: number;
  /** Why the last try failed (null after an answer). */
  lastError: string | null;
}

export interface AnnouncementListenerOptions {
  api: CloudApi;
  /** The till's pull cursor now. */
  cursor: () => string;
  /** New events wait at the cloud: sync now. */
  onNews: () => void;
  backoff: BackoffSettings;
  random: () => number;
  /** How long the cloud holds each request (it caps it too). */
  waitMs?: number;
  /** After a 404 (a cloud without the route), the wait before asking again. */
  unsupportedRetryMs?: number;
}

/** A cloud upgraded later is found within this; polling covers the time between. */
export const UNSUPPORTED_RETRY_MS = 10 * 60_000;

/** An answer with no news sooner than this was not held: the next request waits this long. */
const QUICKEST_EMPTY_ANSWER_MS = 1_000;

function later(a: string, b: string): string {
  return BigInt(a) >= BigInt(b) ? a : b;
}

export class AnnouncementListener {
  private readonly abort = new AbortController();
  private stats: AnnouncementStats = { state: 'off', heard: 0, failures: 0, lastError: null };
  private running: Promise<void> | null = null;

  constructor(private readonly options: AnnouncementListenerOptions) {}

  get status(): AnnouncementStats {
    return { ...this.stats };
  }

  start(): void {
    if (this.running || this.abort.signal.aborted) return;
    this.stats.state = 'listening';
    this.running = this.loop();
  }

  /** For good: the held request is abandoned. */
  stop(): void {
    this.abort.abort();
    this.stats.state = 'off';
  }

  private async loop(): Promise<void> {
    const { api, cursor, onNews, backoff, random } = this.options;
    const waitMs = this.options.waitMs ?? DEFAULT_ANNOUNCEMENT_WAIT_MS;
    const signal = this.abort.signal;
    // What this till has heard of: the cursor, or a head announced that the pull has not reached yet
    // (asking with the cursor then would be answered at once, again and again, while the pull runs).
    let heard = cursor();
    while (!signal.aborted) {
      let head: string;
      const asked = Date.now();
      try {
        heard = later(cursor(), heard);
        head = await api.announcements(heard, waitMs, signal, () => {
          this.stats.state = 'listening';
          this.stats.failures = 0;
          this.stats.lastError = null;
        });
      } catch (error) {
        if (signal.aborted) return;
        this.stats.failures += 1;
        this.stats.lastError = error instanceof Error ? error.message : String(error);
        let delay: number;
        if (error instanceof CloudRefused && error.status === 404) {
          this.stats.state = 'unsupported';
          delay = this.options.unsupportedRetryMs ?? UNSUPPORTED_RETRY_MS;
        } else {
          this.stats.state = 'reconnecting';
          const asked = error instanceof CloudUnavailable ? error.retryAfterMs : null;
          delay = retryDelay(this.stats.failures, backoff, random, asked);
        }
        await pause(delay, signal);
        continue;
      }
      this.stats.state = 'listening';
      this.stats.failures = 0;
      this.stats.lastError = null;
      if (BigInt(head) > BigInt(heard)) {
        heard = head;
        this.stats.heard += 1;
        onNews();
      } else if (Date.now() - asked < QUICKEST_EMPTY_ANSWER_MS) {
        // Nothing new, and no hold (a cloud closing, a proxy answering for it): do not spin.
        await pause(QUICKEST_EMPTY_ANSWER_MS, signal);
      }
    }
  }
}

/** Resolves after `ms`, or at once when `signal` aborts. */
function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    timer.unref();
    signal.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });
}

/**
 * The till's side of the customer display: hands the newest state to the
 * service without ever holding the till up. One call in flight at most; what
 * changes meanwhile is coalesced into the newest state, sent when that call is
 * done; a state equal to the last one sent is not sent again. Failures are
 * dropped quietly (the display is a courtesy, the sale is not): the next
 * change or the heartbeat tries again. The heartbeat sends the state again
 * every little while, so the display knows the till is still there (the
 * host falls back to the idle screen when a till goes quiet).
 */
import type { DisplayState } from '../../contract/commands/display';

export const DISPLAY_HEARTBEAT_MS = 30_000;

export interface PublisherTimers {
  setInterval(run: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

const REAL_TIMERS: PublisherTimers = {
  setInterval: (run, ms) => setInterval(run, ms),
  clearInterval: (handle) => clearInterval(handle as ReturnType<typeof setInterval>),
};

export class DisplayPublisher {
  private latest: DisplayState | null = null;
  private latestKey: string | null = null;
  private sentKey: string | null = null;
  private inFlight = false;
  private stopped = false;
  private readonly heartbeat: unknown;

  constructor(
    private readonly send: (state: DisplayState) => Promise<unknown>,
    heartbeatMs = DISPLAY_HEARTBEAT_MS,
    private readonly timers: PublisherTimers = REAL_TIMERS,
  ) {
    this.heartbeat = timers.setInterval(() => {
      this.sentKey = null;
      this.flush();
    }, heartbeatMs);
  }

  /** The display should show this now. Returns at once. */
  publish(state: DisplayState): void {
    if (this.stopped) return;
    this.latest = state;
    this.latestKey = JSON.stringify(state);
    this.flush();
  }

  stop(): void {
    this.stopped = true;
    this.timers.clearInterval(this.heartbeat);
  }

  private flush(): void {
    if (this.inFlight || this.stopped || this.latest === null) return;
    const key = this.latestKey;
    if (key === this.sentKey) return;
    this.inFlight = true;
    // Counted as sent whatever the answer: a failing service is not asked again in a loop.
    this.sentKey = key;
    let sending: Promise<unknown>;
    try {
      sending = this.send(this.latest);
    } catch {
      sending = Promise.resolve();
    }
    void sending
      .catch(() => undefined)
      .finally(() => {
        this.inFlight = false;
        this.flush();
      });
  }
}

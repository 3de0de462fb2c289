/**
 * The renderer's one way to the till service: IPC when the desktop shell
 * provides `window.lojal`, otherwise `POST /rpc/<command>` plus a WebSocket for
 * notifications (browser mode). Screens call `api.call(name, input)` either way.
 */
import { backoffDelay } from '../core/backoff';
import { isMsg } from '../core/i18n';
import type { Shown, Text } from '../core/i18n';
import { renderAll } from '../i18n/render';
import type { CommandInput, CommandName, CommandOutputs, ErrorBody } from '../contract/commands';
import { openedSession } from '../contract/commands';
import type { Notification } from '../contract/notifications';
import type { LojalBridge } from './bridge';

/**
 * A command that failed: the service's code, its English message, the field at
 * fault and `text`, what to tell the cashier: the catalogue message the service
 * `said` (rendered in the till's language of the moment), else its rendered
 * `text`; null when the service gave none (it could not be reached, or
 * something else answered).
 */
export class CommandError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field: string | null,
    readonly text: Shown | null = null,
  ) {
    super(message);
    this.name = 'CommandError';
  }
}

function textOf(value: unknown): Text | null {
  const candidate = value as Partial<Text> | null | undefined;
  if (typeof candidate?.nb !== 'string' || typeof candidate.en !== 'string') return null;
  return typeof candidate.sv === 'string'
    ? { nb: candidate.nb, en: candidate.en, sv: candidate.sv }
    : { nb: candidate.nb, en: candidate.en };
}

/**
 * The message the service said, when this build can say it: a key this UI's
 * catalogue has, with parameters it can render (a newer service's message
 * falls back to its rendered text).
 */
function saidOf(value: unknown): Shown | null {
  if (!isMsg(value)) return null;
  try {
    renderAll(value);
    return value;
  } catch {
    return null;
  }
}

/** The code the host (or the desktop relay) gives a call whose session it does not know. */
const SESSION_ENDED_CODE = 'unauthorized';

type NotificationListener = (notification: Notification) => void;
type SessionListener = () => void;
type LiveListener = (live: boolean) => void;

interface Transport {
  invoke(name: CommandName, input: unknown): Promise<unknown>;
  /** `onLive(true)` once notifications flow (again), `onLive(false)` when they stop. */
  start(onNotification: NotificationListener, onLive: LiveListener): void;
  stop(): void;
  setSessionToken(token: string | null): void;
}

function errorFromBody(status: number, body: unknown): CommandError {
  const error = (body as { error?: Partial<ErrorBody> } | null)?.error;
  return new CommandError(
    status,
    error?.code ?? 'http_' + status,
    error?.message ?? `The till service answered ${status}.`,
    error?.field ?? null,
    saidOf(error?.said) ?? textOf(error?.text),
  );
}

/** The socket's reconnect waits: 1 s doubling to 10 s while the host restarts. */
const RECONNECT = { initialMs: 1_000, maxMs: 10_000 };

/** Browser mode: fetch for commands, one authenticated WebSocket for pushes. */
class HttpTransport implements Transport {
  private token: string | null = null;
  private socket: WebSocket | null = null;
  private listener: NotificationListener | null = null;
  private liveListener: LiveListener | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  /** Reconnects tried since the socket was last open. */
  private failures = 0;

  async invoke(name: CommandName, input: unknown): Promise<unknown> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    let response: Response;
    try {
      response = await fetch(`./rpc/${name}`, {
        method: 'POST',
        headers,
        body: JSON.stringify(input ?? {}),
      });
    } catch {
      throw new CommandError(0, 'unreachable', 'The till service does not answer.', null);
    }
    const body: unknown = await response.json().catch(() => null);
    if (!response.ok) throw errorFromBody(response.status, body);
    return body;
  }

  start(onNotification: NotificationListener, onLive: LiveListener): void {
    this.listener = onNotification;
    this.liveListener = onLive;
    this.connect();
  }

  stop(): void {
    this.listener = null;
    this.liveListener?.(false);
    this.liveListener = null;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.socket?.close();
    this.socket = null;
  }

  setSessionToken(token: string | null): void {
    this.token = token;
    if (this.socket) this.liveListener?.(false);
    this.socket?.close();
    this.socket = null;
    if (token) this.connect();
  }

  private connect(): void {
    if (!this.token || !this.listener || this.socket) return;
    const url = new URL('./ws', window.location.href);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    const socket = new WebSocket(url);
    const token = this.token;
    this.socket = socket;
    socket.onopen = () => {
      this.failures = 0;
      socket.send(JSON.stringify({ type: 'auth', token }));
    };
    socket.onmessage = (event) => {
      const message = JSON.parse(String(event.data)) as Notification | { type: 'ready' };
      if (message.type === 'ready') this.liveListener?.(true);
      else this.listener?.(message);
    };
    socket.onclose = () => {
      if (this.socket !== socket) return; // replaced on purpose
      this.socket = null;
      this.liveListener?.(false);
      // Keep trying while logged in: the host may be restarting.
      if (this.token && this.listener) {
        this.failures += 1;
        this.retryTimer = setTimeout(() => this.connect(), backoffDelay(this.failures, RECONNECT));
      }
    };
  }
}

/** Desktop: the preload bridge carries commands and notifications over IPC. */
class IpcTransport implements Transport {
  private unsubscribe: (() => void) | null = null;

  constructor(private readonly bridge: LojalBridge) {}

  async invoke(name: CommandName, input: unknown): Promise<unknown> {
    const result = await this.bridge.call(name, (input ?? {}) as CommandInput<CommandName>);
    if (!result.ok) throw errorFromBody(result.status, { error: result.error });
    return result.value;
  }

  private liveListener: LiveListener | null = null;

  start(onNotification: NotificationListener, onLive: LiveListener): void {
    this.unsubscribe ??= this.bridge.onNotification(onNotification);
    this.liveListener = onLive;
    onLive(true);
  }

  stop(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.liveListener?.(false);
    this.liveListener = null;
  }

  // The main process keeps the session for this window; nothing to hold here.
  setSessionToken(): void {}
}

class Api {
  private readonly notificationListeners = new Set<NotificationListener>();
  private readonly sessionListeners = new Set<SessionListener>();
  private readonly liveListeners = new Set<LiveListener>();
  private liveNow = false;

  constructor(private readonly transport: Transport) {}

  async call<N extends CommandName>(name: N, input: CommandInput<N>): Promise<CommandOutputs[N]> {
    try {
      const output = (await this.transport.invoke(name, input)) as CommandOutputs[N];
      const opened = openedSession(name, output);
      if (opened !== null) {
        this.transport.setSessionToken(opened);
        this.transport.start(
          (n) => this.notificationListeners.forEach((l) => l(n)),
          (live) => this.setLive(live),
        );
      } else if (name === 'session.logout') {
        this.endSession();
      }
      return output;
    } catch (error) {
      // Only the transport's own refusal means the session is gone; a command may
      // answer 401 for other reasons (a wrong member PIN).
      if (error instanceof CommandError && error.code === SESSION_ENDED_CODE) {
        this.endSession();
        this.sessionListeners.forEach((listener) => listener());
      }
      throw error;
    }
  }

  onNotification(listener: NotificationListener): () => void {
    this.notificationListeners.add(listener);
    return () => this.notificationListeners.delete(listener);
  }

  /**
   * Whether notifications reach this window now. Listeners hear every change;
   * on `true` (a fresh or restored connection) anything pushed while it was
   * down was missed, so they read the state again.
   */
  get live(): boolean {
    return this.liveNow;
  }

  onLive(listener: LiveListener): () => void {
    this.liveListeners.add(listener);
    return () => this.liveListeners.delete(listener);
  }

  private setLive(live: boolean): void {
    if (live === this.liveNow) return;
    this.liveNow = live;
    this.liveListeners.forEach((listener) => listener(live));
  }

  /** Called when the service no longer knows this session (expired, host restarted). */
  onSessionEnded(listener: SessionListener): () => void {
    this.sessionListeners.add(listener);
    return () => this.sessionListeners.delete(listener);
  }

  private endSession(): void {
    this.transport.setSessionToken(null);
    this.transport.stop();
  }
}

export const api = new Api(
  typeof window !== 'undefined' && window.lojal
    ? new IpcTransport(window.lojal)
    : new HttpTransport(),
);

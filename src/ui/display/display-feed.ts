/**
 * Where the display page hears what to show: in the desktop shell the main
 * process sends it to this window over IPC (`display` notifications only:
 * the shell answers no command from this page); in browser mode the host's
 * read-only `/ws/display` channel, opened again with a back-off when it drops.
 * Anything that does not read as a display state is ignored.
 */
import { backoffDelay } from '../../core/backoff';
import { DisplayState } from '../../contract/commands/display';

type Listener = (state: DisplayState) => void;
type LiveListener = (live: boolean) => void;

const RECONNECT = { initialMs: 1_000, maxMs: 10_000 };

/** A pushed message, when it is a display state this page can show. */
export function readDisplayMessage(data: unknown): DisplayState | null {
  try {
    const message = JSON.parse(String(data)) as { type?: unknown; state?: unknown };
    if (message?.type !== 'display') return null;
    const parsed = DisplayState.safeParse(message.state);
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Listen until the returned function is called. */
export function followDisplay(onState: Listener, onLive: LiveListener): () => void {
  const bridge = typeof window !== 'undefined' ? window.lojal : undefined;
  if (bridge) {
    onLive(true);
    return bridge.onNotification((notification) => {
      if (notification.type !== 'display') return;
      const parsed = DisplayState.safeParse(notification.state);
      if (parsed.success) onState(parsed.data);
    });
  }

  let socket: WebSocket | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let failures = 0;
  let stopped = false;
  const connect = () => {
    const url = new URL('/ws/display', window.location.href);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    const opened = new WebSocket(url);
    socket = opened;
    opened.onopen = () => {
      failures = 0;
      onLive(true);
    };
    opened.onmessage = (event) => {
      const state = readDisplayMessage(event.data);
      if (state) onState(state);
    };
    opened.onclose = () => {
      if (socket !== opened || stopped) return;
      socket = null;
      onLive(false);
      failures += 1;
      timer = setTimeout(connect, backoffDelay(failures, RECONNECT));
    };
  };
  connect();
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    socket?.close();
    socket = null;
  };
}

/**
 * The desktop shell's bridge (electron/preload.ts exposes it as `window.lojal`).
 * One generic call over the command map, typed by it; no per-command channels.
 */
import type { CommandInput, CommandName, CommandOutputs, ErrorBody } from '../contract/commands';
import type { Notification } from '../contract/notifications';

export type BridgeResult<N extends CommandName> =
  { ok: true; value: CommandOutputs[N] } | { ok: false; status: number; error: ErrorBody };

export interface LojalBridge {
  call<N extends CommandName>(name: N, input: CommandInput<N>): Promise<BridgeResult<N>>;
  /** Returns the function that stops listening. */
  onNotification(listener: (notification: Notification) => void): () => void;
}

/** IPC channel names shared by preload and main. */
export const BRIDGE_CHANNELS = {
  call: 'lojal:call',
  notification: 'lojal:notification',
} as const;

declare global {
  interface Window {
    lojal?: LojalBridge;
  }
}

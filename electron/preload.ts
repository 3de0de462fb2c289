/**
 * The renderer's only door out (sandboxed, context-isolated): one generic
 * `call` over the command map and a notification subscription. Main checks the
 * command name and the session; nothing here knows any single command.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { IpcRendererEvent } from 'electron';
import { BRIDGE_CHANNELS } from '../src/ui/bridge';
import type { BridgeResult, LojalBridge } from '../src/ui/bridge';
import type { CommandInput, CommandName } from '../src/contract/commands';
import type { Notification } from '../src/contract/notifications';

const bridge: LojalBridge = {
  call<N extends CommandName>(name: N, input: CommandInput<N>): Promise<BridgeResult<N>> {
    return ipcRenderer.invoke(BRIDGE_CHANNELS.call, name, input) as Promise<BridgeResult<N>>;
  },
  onNotification(listener: (notification: Notification) => void): () => void {
    const relay = (_event: IpcRendererEvent, notification: Notification) => listener(notification);
    ipcRenderer.on(BRIDGE_CHANNELS.notification, relay);
    return () => {
      ipcRenderer.removeListener(BRIDGE_CHANNELS.notification, relay);
    };
  },
};

contextBridge.exposeInMainWorld('lojal', bridge);

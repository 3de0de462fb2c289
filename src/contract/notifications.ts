/** What the service pushes to the UI (WebSocket in browser mode, IPC in Electron). */
import type { Msg } from '../core/i18n';
import type { ScanResult } from './commands';
import type { DisplayState } from './commands/display';

/** Pushed to the UI (WebSocket in browser mode, IPC in Electron). */
export type Notification =
  | { type: 'scan'; source: 'serial' | 'hid' | 'camera' | 'api'; code: string; result: ScanResult }
  | {
      type: 'device';
      device: 'scanner' | 'printer';
      state: 'connected' | 'disconnected' | 'error';
      detail: Msg;
    }
  | {
      type: 'print';
      jobId: string;
      saleId: string | null;
      state: 'pending' | 'printed' | 'failed';
      detail: Msg | null;
    }
  | {
      type: 'sync';
      state: 'online' | 'offline' | 'unpaired';
      pending: number;
      lastSyncAt: number | null;
    }
  | { type: 'data'; what: 'members' | 'programme' | 'catalogue' | 'sales' }
  /** What the customer display shows now (display.show); only display windows get it. */
  | { type: 'display'; state: DisplayState };

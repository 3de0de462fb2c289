/**
 * The desktop shell, kept thin: one window (kiosk on LOJAL_KIOSK=1), one
 * instance, the till service in this process with its database in the user's
 * app-data folder, and one IPC relay for every command. All logic lives in
 * src/service and src/host; this file only wires them to Electron. When a
 * second screen is connected, the customer display opens on it full screen
 * (LOJAL_CUSTOMER_DISPLAY=0: never).
 */
import { join } from 'node:path';
import { app, BrowserWindow, ipcMain, safeStorage, screen } from 'electron';
import type { Display, IpcMainInvokeEvent, WebContents } from 'electron';
import { deviceOptionsFromEnv, openTillService } from '../src/service/index';
import type { TillService, TillServiceOptions } from '../src/service/types';
import { msg } from '../src/core/i18n';
import { serviceDisplayHub } from '../src/host/display-socket';
import type { DisplayHub } from '../src/host/display-socket';
import { failure } from '../src/host/errors';
import { SessionRelay } from '../src/host/relay';
import type { RelayResult } from '../src/host/relay';
import { startHost } from '../src/host/server';
import type { RunningHost } from '../src/host/server';
import { parseDemo, parsePort } from '../src/host/settings';
import { BRIDGE_CHANNELS } from '../src/ui/bridge';

/** dist-electron/ is next to dist/ (the built UI) in the app folder. */
const APP_ROOT = join(__dirname, '..');
const UI_INDEX = join(APP_ROOT, 'dist', 'index.html');
const DISPLAY_INDEX = join(APP_ROOT, 'dist', 'display', 'index.html');
const PRELOAD = join(__dirname, 'preload.cjs');
const KIOSK = process.env.LOJAL_KIOSK === '1';
const CUSTOMER_DISPLAY = process.env.LOJAL_CUSTOMER_DISPLAY !== '0';

const relays = new Map<number, SessionRelay>();

function createWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1366,
    height: 800,
    minWidth: 1024,
    minHeight: 700,
    kiosk: KIOSK,
    fullscreen: KIOSK,
    autoHideMenuBar: true,
    backgroundColor: '#f3f0e8',
    title: 'Lojal',
    show: false,
    webPreferences: {
      preload: PRELOAD,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  window.once('ready-to-show', () => window.show());
  const contentsId = window.webContents.id;
  window.on('closed', () => relays.delete(contentsId));
  void window.loadFile(UI_INDEX);
  return window;
}

/**
 * The customer display: a window on the screen that is not the primary one,
 * showing dist/display/index.html. It gets the display state and nothing else:
 * the latest when it loads, then each one the till publishes, over the preload's
 * notification channel (no till notification reaches it: it never logs in), and
 * its page is not the till's, so isOwnPage refuses it every command.
 */
class CustomerDisplay {
  private window: BrowserWindow | null = null;

  constructor(private readonly hub: DisplayHub) {
    hub.subscribe((state) => this.send(state));
  }

  owns(window: BrowserWindow): boolean {
    return this.window === window;
  }

  /** Open it on a second screen, move it, or close it when there is none. */
  place(): void {
    const primary = screen.getPrimaryDisplay();
    const second = screen.getAllDisplays().find((display) => display.id !== primary.id);
    if (!second) {
      this.window?.close();
      return;
    }
    if (this.window && !this.window.isDestroyed()) this.window.setBounds(second.bounds);
    else this.window = this.open(second);
  }

  private open(display: Display): BrowserWindow {
    const window = new BrowserWindow({
      ...display.bounds,
      frame: false,
      fullscreen: true,
      // The till keeps the keyboard (and the scanner wedge): nobody types on this one.
      focusable: false,
      skipTaskbar: true,
      autoHideMenuBar: true,
      backgroundColor: '#0b5d3b',
      title: 'Lojal',
      show: false,
      webPreferences: {
        preload: PRELOAD,
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        webSecurity: true,
        spellcheck: false,
      },
    });
    window.once('ready-to-show', () => window.showInactive());
    window.webContents.on('did-finish-load', () => this.send(this.hub.current()));
    window.on('closed', () => {
      if (this.window === window) this.window = null;
    });
    void window.loadFile(DISPLAY_INDEX);
    return window;
  }

  private send(state: ReturnType<DisplayHub['current']>): void {
    const window = this.window;
    if (!window || window.isDestroyed()) return;
    window.webContents.send(BRIDGE_CHANNELS.notification, { type: 'display', state });
  }
}

/** Only our own page (file:// under the app) may talk to the service. */
function isOwnPage(event: IpcMainInvokeEvent): boolean {
  const url = event.senderFrame?.url ?? '';
  return (
    url.startsWith('file://') &&
    decodeURIComponent(new URL(url).pathname).endsWith('/dist/index.html')
  );
}

function relayFor(contents: WebContents, service: TillService): SessionRelay {
  let relay = relays.get(contents.id);
  if (!relay) {
    relay = new SessionRelay(service);
    relays.set(contents.id, relay);
  }
  return relay;
}

function wireBridge(service: TillService): void {
  ipcMain.handle(
    BRIDGE_CHANNELS.call,
    async (event, name: unknown, input: unknown): Promise<RelayResult> => {
      if (!isOwnPage(event) || typeof name !== 'string') {
        const refused = failure(403, 'forbidden', msg('commands.notTillPage'));
        return { ok: false, status: refused.status, error: refused.body.error };
      }
      return relayFor(event.sender, service).call(name, input);
    },
  );
  service.subscribe((notification) => {
    // The till's own windows already show what its customer display shows.
    if (notification.type === 'display') return;
    for (const window of BrowserWindow.getAllWindows()) {
      if (relays.get(window.webContents.id)?.loggedIn) {
        window.webContents.send(BRIDGE_CHANNELS.notification, notification);
      }
    }
  });
}

// The shell may not import the store (lint): the sealer's shape comes through the service's options.
type SecretSealer = NonNullable<TillServiceOptions['secretSealer']>;

/**
 * The cloud terminal token sealed with the OS's secret store (Keychain, DPAPI,
 * libsecret or KWallet), or none where there is none: then the token is kept
 * in the owner-only data folder as in browser mode. On Linux without a keyring
 * Chromium would seal with a fixed, public key ('basic_text'): that is no
 * secret store, so none is used. Only after app ready (Linux asks the keyring then).
 */
function osSecretSealer(): SecretSealer | undefined {
  if (!safeStorage.isEncryptionAvailable()) return undefined;
  if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text')
    return undefined;
  return {
    seal: (plain) => safeStorage.encryptString(plain).toString('base64'),
    open: (sealed) => safeStorage.decryptString(Buffer.from(sealed, 'base64')),
  };
}

function lockDown(): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    // The camera (QR/barcode scanning) is the one permission the till asks for.
    contents.session.setPermissionRequestHandler((_contents, permission, callback) =>
      callback(permission === 'media'),
    );
  });
}

async function main(): Promise<void> {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  lockDown();
  await app.whenReady();

  const dataDir = process.env.LOJAL_DATA_DIR || app.getPath('userData');
  const secretSealer = osSecretSealer();
  if (!secretSealer)
    console.log('Lojal: no OS secret store; the cloud token stays in the owner-only data folder');
  const service = openTillService({
    dataDir,
    secretSealer,
    demo: parseDemo(process.env.LOJAL_DEMO, process.env),
    log: (line) => console.log(`Lojal: ${line}`),
    // LOJAL_SCANNER_* and LOJAL_PRINTER*: they win over the devices saved in the till.
    devices: deviceOptionsFromEnv(),
  });
  wireBridge(service);

  // The local integration API (/api/v1) for a host POS, as in browser mode.
  let host: RunningHost | null = null;
  if (process.env.LOJAL_API !== '0') {
    try {
      host = await startHost({
        service,
        dataDir,
        port: parsePort(process.env.LOJAL_PORT),
        uiDir: null,
      });
      console.log(`Lojal: integration API at ${host.url}/api/v1 (token in ${host.apiTokenPath})`);
    } catch (error) {
      console.error(
        'Lojal: the integration API could not start:',
        error instanceof Error ? error.message : error,
      );
    }
  }

  const display = serviceDisplayHub(service);
  const customer = CUSTOMER_DISPLAY ? new CustomerDisplay(display.hub) : null;
  // The customer display alone does not keep the app running: it goes with the till's window.
  app.on('browser-window-created', (_event, created) =>
    created.on('closed', () => {
      const open = BrowserWindow.getAllWindows().filter((w) => !w.isDestroyed());
      if (open.length > 0 && open.every((w) => customer?.owns(w))) app.quit();
    }),
  );
  let window = createWindow();
  if (customer) {
    customer.place();
    const place = () => customer.place();
    screen.on('display-added', place);
    screen.on('display-removed', place);
    screen.on('display-metrics-changed', place);
  }
  app.on('second-instance', () => {
    if (window.isDestroyed()) window = createWindow();
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => {
    display.stop();
    void host?.close();
    service.close();
  });
}

main().catch((error: unknown) => {
  console.error('Lojal could not start:', error);
  app.exit(1);
});

/**
 * A barcode scanner on a serial port (RS-232, or USB in CDC/VCP mode). It emits
 * each complete code, and keeps the till working through unplugging: when the
 * port goes away it reports `disconnected` and reopens the same path with backoff
 * until the device is back, without an app restart.
 *
 * Runs in the main (or a utility) process, never in the renderer.
 */
import { EventEmitter } from 'node:events';
import { SerialPort } from 'serialport';
import { backoffDelay } from '../../src/core/backoff';
import { msg } from '../../src/core/i18n';
import type { Msg } from '../../src/core/i18n';
import { CodeFramer } from './framing';
import type { ScannerSuffix } from './framing';

export type { ScannerSuffix } from './framing';

export interface SerialScannerOptions {
  /** e.g. /dev/ttyUSB0, /dev/serial/by-id/..., COM3, or a pty link in tests. */
  path: string;
  baudRate: number;
  suffix: ScannerSuffix;
  /** Silence that ends a code when the scanner sends no suffix. Default 50 ms. */
  interByteTimeoutMs?: number;
  /** Silence after which unterminated bytes are handed on in suffix modes. Default 1000 ms. */
  partialTimeoutMs?: number;
  /** Reopen backoff: first wait, doubled up to the cap. Defaults 250 ms and 5 s. */
  retryMinMs?: number;
  retryMaxMs?: number;
}

/** Maps straight onto the service's Notification {type: 'device', device: 'scanner'}. */
export interface ScannerState {
  state: 'connected' | 'disconnected' | 'error';
  reason: Msg;
}

export interface SerialScannerEvents {
  code: [code: string];
  state: [state: ScannerState];
}

interface PortError extends Error {
  code?: string;
  disconnected?: boolean;
}

export class SerialScanner extends EventEmitter<SerialScannerEvents> {
  readonly options: Required<SerialScannerOptions>;
  #port: SerialPort | null = null;
  #framer: CodeFramer;
  #state: ScannerState = {
    state: 'disconnected',
    reason: msg('devices.scanner.notOpen'),
  };
  #started = false;
  #closed = false;
  #failures = 0;
  #retryTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(options: SerialScannerOptions) {
    super();
    if (!options.path) throw new RangeError('the serial scanner needs a port path');
    if (!Number.isInteger(options.baudRate) || options.baudRate <= 0) {
      throw new RangeError(`baud rate must be a positive whole number, got ${options.baudRate}`);
    }
    this.options = {
      interByteTimeoutMs: 50,
      partialTimeoutMs: 1_000,
      retryMinMs: 250,
      retryMaxMs: 5_000,
      ...options,
    };
    this.#framer = new CodeFramer(this.options, (code) => this.emit('code', code));
  }

  get state(): ScannerState {
    return this.#state;
  }

  /** Open the port, and keep reopening it whenever it goes away, until close(). */
  start(): void {
    if (this.#started) return;
    if (this.#closed) throw new Error('this scanner is closed; create a new one');
    this.#started = true;
    this.#open();
  }

  /** Stop reading and stop retrying. Safe to call more than once. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    if (this.#retryTimer !== null) clearTimeout(this.#retryTimer);
    this.#retryTimer = null;
    const port = this.#port;
    this.#port = null;
    this.#framer.flush();
    this.#framer.dispose();
    if (port?.isOpen) {
      await new Promise<void>((resolve) => port.close(() => resolve()));
    }
    port?.removeAllListeners();
  }

  #open(): void {
    if (this.#closed) return;
    const port = new SerialPort({
      path: this.options.path,
      baudRate: this.options.baudRate,
      autoOpen: false,
    });
    this.#port = port;
    port.on('data', (chunk: Buffer) => this.#framer.push(chunk));
    port.on('close', (err: PortError | null) => this.#lost(port, err));
    port.on('error', (err: PortError) => {
      // Errors on an open port come before its close; report them, retry on close.
      if (this.#port === port)
        this.#setState({ state: 'error', reason: describe(err, this.options.path) });
    });
    port.open((err) => {
      if (this.#port !== port || this.#closed) {
        if (!err) port.close();
        return;
      }
      if (err) {
        const problem = describe(err as PortError, this.options.path);
        const permanent = isConfigProblem(err as PortError);
        this.#setState(
          permanent
            ? { state: 'error', reason: problem }
            : { state: 'disconnected', reason: problem },
        );
        this.#retry(port);
        return;
      }
      this.#failures = 0;
      this.#setState({
        state: 'connected',
        reason: msg('devices.scanner.connected', { path: this.options.path }),
      });
    });
  }

  #lost(port: SerialPort, err: PortError | null): void {
    if (this.#port !== port || this.#closed) return;
    // A code cut off by the unplug goes on as it is: the classifier rejects it visibly.
    this.#framer.flush();
    this.#setState({
      state: 'disconnected',
      reason: err?.disconnected ? msg('devices.scanner.unplugged') : msg('devices.scanner.closed'),
    });
    this.#retry(port);
  }

  #retry(port: SerialPort): void {
    port.removeAllListeners();
    if (this.#port === port) this.#port = null;
    if (this.#closed || this.#retryTimer !== null) return;
    this.#failures += 1;
    const wait = backoffDelay(this.#failures, {
      initialMs: this.options.retryMinMs,
      maxMs: this.options.retryMaxMs,
    });
    this.#retryTimer = setTimeout(() => {
      this.#retryTimer = null;
      this.#open();
    }, wait);
  }

  #setState(next: ScannerState): void {
    const same =
      next.state === this.#state.state &&
      JSON.stringify(next.reason) === JSON.stringify(this.#state.reason);
    this.#state = next;
    if (!same) this.emit('state', next);
  }
}

/** Port in use or no permission: the device is there but the setup is wrong. */
function isConfigProblem(err: PortError): boolean {
  return /EACCES|EPERM|EBUSY|Cannot lock port|Access denied/i.test(
    `${err.code ?? ''} ${err.message}`,
  );
}

function describe(err: PortError, path: string): Msg {
  const message = `${err.code ?? ''} ${err.message}`;
  if (/ENOENT|No such file|cannot find/i.test(message)) {
    return msg('devices.scanner.notFound', { path });
  }
  if (/EACCES|EPERM|Access denied/i.test(message)) {
    return msg('devices.scanner.permission', { path });
  }
  if (/EBUSY|Cannot lock port|Resource temporarily unavailable/i.test(message)) {
    return msg('devices.scanner.busy', { path });
  }
  return msg('devices.scanner.error', { path, detail: err.message });
}

/**
 * Getting bytes to a receipt printer: a network printer on a raw TCP port
 * (`tcp://host:9100`), a device file (`/dev/usb/lp0`), or a printer the OS knows
 * (`lp:NAME`, sent raw through CUPS with `lp -d NAME -o raw`). Every failure is a
 * PrinterError with a reason for the cashier and whether trying again can help.
 */
import { spawn } from 'node:child_process';
import { constants, promises as fs } from 'node:fs';
import { connect } from 'node:net';
import type { Socket } from 'node:net';
import { msg } from '../../src/core/i18n';
import type { Msg } from '../../src/core/i18n';
import {
  describeTarget,
  parsePrinterTarget,
  PrinterTargetError,
} from '../../src/contract/printer-target';
import type { PrinterTarget } from '../../src/contract/printer-target';

export { describeTarget, parsePrinterTarget, PrinterTargetError };
export type { PrinterTarget };

export type PrinterErrorCode =
  | 'unreachable'
  | 'timeout'
  | 'out_of_paper'
  | 'not_found'
  | 'permission'
  | 'no_lp'
  | 'lp_failed'
  | 'write_failed';

export class PrinterError extends Error {
  constructor(
    readonly code: PrinterErrorCode,
    /** What went wrong, for the screen (a catalogue message). */
    readonly detail: Msg,
    /** The same in English, for logs. */
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'PrinterError';
  }
}

export interface SendOptions {
  /** How long to wait for a network printer to accept the connection. Default 3 s. */
  connectTimeoutMs?: number;
  /** How long the whole send may take once connected. Default 15 s. */
  sendTimeoutMs?: number;
  /**
   * TCP only: ask the printer for its paper sensor first (ESC/POS DLE EOT 4) and
   * refuse to send when the roll is out. A printer that does not answer within
   * this many ms is printed to anyway. 0 = do not ask. Default 0.
   */
  paperCheckMs?: number;
}

/**
 * Send the bytes. Resolves once they are handed over completely: the TCP stream
 * was written and closed, the device file written and closed, or `lp` accepted
 * the job. That is as far as "printed" can be known without printer feedback.
 */
export async function sendToPrinter(
  target: PrinterTarget,
  bytes: Buffer,
  options: SendOptions = {},
): Promise<void> {
  switch (target.kind) {
    case 'tcp':
      return sendTcp(target, bytes, options);
    case 'device':
      return sendDevice(target.path, bytes, options);
    case 'os':
      return sendLp(target.name, bytes, options);
  }
}

// DLE EOT 4: transmit roll paper sensor status. Bits 5 and 6 set = paper end.
const PAPER_STATUS_REQUEST = Buffer.from([0x10, 0x04, 0x04]);
const PAPER_END_BITS = 0x60;

function sendTcp(
  target: { host: string; port: number },
  bytes: Buffer,
  options: SendOptions,
): Promise<void> {
  const where = describeTarget({ kind: 'tcp', ...target });
  const connectTimeoutMs = options.connectTimeoutMs ?? 3_000;
  const sendTimeoutMs = options.sendTimeoutMs ?? 15_000;
  return new Promise<void>((resolve, reject) => {
    const socket: Socket = connect({ host: target.host, port: target.port });
    let settled = false;
    let connected = false;
    const finish = (err: PrinterError | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (err) {
        socket.destroy();
        reject(err);
      } else {
        resolve();
      }
    };
    let timer = setTimeout(() => {
      finish(
        new PrinterError(
          'unreachable',
          msg('devices.printer.noAnswer', { where }),
          `The printer at ${where} does not answer (is it switched on?)`,
        ),
      );
    }, connectTimeoutMs);

    socket.on('error', (err: NodeJS.ErrnoException) => {
      if (!connected) {
        finish(
          new PrinterError(
            'unreachable',
            msg('devices.printer.cannotReach', { where, code: err.code ?? err.message }),
            `Cannot reach the printer at ${where} (${err.code ?? err.message})`,
            { cause: err },
          ),
        );
      } else {
        finish(
          new PrinterError(
            'write_failed',
            msg('devices.printer.connectionBroke', { where, code: err.code ?? err.message }),
            `The connection to the printer at ${where} broke (${err.code ?? err.message})`,
            { cause: err },
          ),
        );
      }
    });

    socket.on('connect', () => {
      connected = true;
      clearTimeout(timer);
      timer = setTimeout(() => {
        finish(
          new PrinterError(
            'timeout',
            msg('devices.printer.tcpTimeout', { where }),
            `The printer at ${where} did not take the print in time`,
          ),
        );
      }, sendTimeoutMs);
      const send = () => {
        socket.end(bytes, () => finish(null));
      };
      if (!options.paperCheckMs) {
        send();
        return;
      }
      const noAnswer = setTimeout(() => {
        socket.removeAllListeners('data');
        send();
      }, options.paperCheckMs);
      socket.once('data', (reply: Buffer) => {
        clearTimeout(noAnswer);
        if ((reply[0]! & PAPER_END_BITS) !== 0) {
          finish(
            new PrinterError(
              'out_of_paper',
              msg('devices.printer.outOfPaper', { where }),
              `The printer at ${where} is out of paper`,
            ),
          );
          return;
        }
        send();
      });
      socket.write(PAPER_STATUS_REQUEST);
    });
  });
}

async function sendDevice(path: string, bytes: Buffer, options: SendOptions): Promise<void> {
  const timeoutMs = options.sendTimeoutMs ?? 15_000;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const write = async () => {
    // Write-only without O_CREAT: a missing device is an error, never a new file.
    const handle = await fs.open(path, constants.O_WRONLY);
    try {
      await handle.write(bytes);
    } finally {
      await handle.close();
    }
  };
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new PrinterError(
            'timeout',
            msg('devices.printer.deviceTimeout', { path }),
            `The printer ${path} did not take the print in time`,
          ),
        ),
      timeoutMs,
    );
  });
  try {
    await Promise.race([write(), timeout]);
  } catch (err) {
    if (err instanceof PrinterError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENODEV' || code === 'ENXIO') {
      throw new PrinterError(
        'not_found',
        msg('devices.printer.notFound', { path }),
        `No printer at ${path} (is it plugged in and on?)`,
        { cause: err },
      );
    }
    if (code === 'EACCES' || code === 'EPERM') {
      throw new PrinterError(
        'permission',
        msg('devices.printer.permission', { path }),
        `No permission to write to ${path} (the user must be in the lp group)`,
        { cause: err },
      );
    }
    throw new PrinterError(
      'write_failed',
      msg('devices.printer.writeFailed', { path, code: code ?? String(err) }),
      `Printing to ${path} failed (${code ?? String(err)})`,
      { cause: err },
    );
  } finally {
    clearTimeout(timer);
  }
}

function sendLp(name: string, bytes: Buffer, options: SendOptions): Promise<void> {
  const timeoutMs = options.sendTimeoutMs ?? 15_000;
  return new Promise<void>((resolve, reject) => {
    const child = spawn('lp', ['-d', name, '-o', 'raw'], { stdio: ['pipe', 'ignore', 'pipe'] });
    let stderr = '';
    let settled = false;
    const finish = (err: PrinterError | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (err) reject(err);
      else resolve();
    };
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      finish(
        new PrinterError(
          'timeout',
          msg('devices.printer.lpTimeout', { name }),
          `lp did not answer for the printer ${name}`,
        ),
      );
    }, timeoutMs);
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => (stderr += chunk));
    child.on('error', (err: NodeJS.ErrnoException) => {
      finish(
        err.code === 'ENOENT'
          ? new PrinterError(
              'no_lp',
              msg('devices.printer.noLp'),
              'The lp command is not on this machine: install CUPS, or use tcp:// or a device path',
              { cause: err },
            )
          : new PrinterError(
              'lp_failed',
              msg('devices.printer.lpStart', { detail: err.message }),
              `lp could not start: ${err.message}`,
              { cause: err },
            ),
      );
    });
    // lp may exit before reading everything (unknown printer): that is its answer, not ours.
    child.stdin.on('error', () => undefined);
    child.on('close', (code) => {
      if (code === 0) finish(null);
      else {
        const why = stderr.trim() || `exit code ${code}`;
        finish(
          new PrinterError(
            'lp_failed',
            msg('devices.printer.lpRefused', { name, detail: why }),
            `lp refused the print for ${name}: ${why}`,
          ),
        );
      }
    });
    child.stdin.end(bytes);
  });
}

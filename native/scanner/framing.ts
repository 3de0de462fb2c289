/**
 * Cuts the byte stream from a serial scanner into codes. Any line ending ends a
 * code (CR, LF or CRLF, whatever the scanner is set to, so a CRLF never leaves a
 * `\n` in front of the next code). Scanners without a suffix are framed by
 * silence: a code is complete when no byte has come for `interByteTimeoutMs`.
 * Bytes left without a suffix for `partialTimeoutMs` are handed on as they are,
 * so the classifier can tell the cashier to scan again instead of the junk being
 * glued to the front of the next code.
 */
import { StringDecoder } from 'node:string_decoder';
import type { ScannerSuffix } from '../../src/contract/devices';

/** The suffixes devices.save takes (SCANNER_SUFFIXES in the contract). */
export type { ScannerSuffix };

export interface FramingOptions {
  suffix: ScannerSuffix;
  /** Silence that ends a code when the scanner sends no suffix. */
  interByteTimeoutMs: number;
  /** Silence after which unterminated bytes are handed on (suffix modes). */
  partialTimeoutMs: number;
}

const LINE_END = /\r\n|\r|\n/;

export class CodeFramer {
  readonly #options: FramingOptions;
  readonly #onCode: (code: string) => void;
  // A new decoder per framer: a UTF-8 character split across two reads is kept whole.
  #decoder = new StringDecoder('utf8');
  #pending = '';
  #timer: ReturnType<typeof setTimeout> | null = null;

  constructor(options: FramingOptions, onCode: (code: string) => void) {
    this.#options = options;
    this.#onCode = onCode;
  }

  push(chunk: Buffer): void {
    const parts = (this.#pending + this.#decoder.write(chunk)).split(LINE_END);
    this.#pending = parts.pop() ?? '';
    for (const part of parts) if (part !== '') this.#onCode(part);
    this.#armTimer();
  }

  /** Hand on whatever is buffered (the line went quiet, was unplugged or closed). */
  flush(): void {
    this.#clearTimer();
    const rest = this.#pending + this.#decoder.end();
    this.#decoder = new StringDecoder('utf8');
    this.#pending = '';
    if (rest !== '') this.#onCode(rest);
  }

  dispose(): void {
    this.#clearTimer();
  }

  #armTimer(): void {
    this.#clearTimer();
    if (this.#pending === '') return;
    const wait =
      this.#options.suffix === 'none'
        ? this.#options.interByteTimeoutMs
        : this.#options.partialTimeoutMs;
    this.#timer = setTimeout(() => this.flush(), wait);
  }

  #clearTimer(): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
  }
}

/**
 * Keyboard-wedge (USB HID) barcode scanners "type" a code a few milliseconds
 * per key and end it with Enter. This module tells such a burst from a person
 * typing, anywhere in the app: printable keys are held back for a moment; a
 * fast burst that ends with Enter becomes a scan and never reaches the focused
 * field, anything else is replayed into the field as ordinary typing.
 *
 * Scanners send US key positions, so the scanned characters are read from
 * `KeyboardEvent.code` (a Norwegian layout would otherwise turn `-` into `+`);
 * replayed typing uses `KeyboardEvent.key`, exactly what the cashier's layout
 * would have produced.
 */
import { useEffect, useRef } from 'react';

export interface HidWedgeOptions {
  /** Longest gap between two keys of one scan, Enter included (ms). People type slower. */
  maxGapMs?: number;
  /** Fewest characters (before Enter) a burst needs to count as a scan. */
  minLength?: number;
}

export const HID_WEDGE_DEFAULTS: Required<HidWedgeOptions> = { maxGapMs: 35, minLength: 6 };

export type EnterVerdict<T> =
  /** `typedAlready`: keys of this scan that were handed back as typing before Enter showed what they were. */
  { kind: 'scan'; code: string; typedAlready: T[] } | { kind: 'typing'; keys: T[] };

/**
 * The timing decision alone, free of the DOM, fed keys with their timestamps.
 * A burst is a run of printable keys at most `maxGapMs` apart; it is a scan
 * when Enter follows within `maxGapMs` and it has `minLength` characters.
 * Keys are held while they could still be a scan and handed back (as `T`,
 * whatever the caller needs to replay them) once they cannot, or when the
 * caller's quiet timer gives up on them. A key handed back early still counts
 * towards its burst: a page that handles keys late (a busy till) must not cut
 * a scan in two, so the scan verdict names the keys to take back.
 */
export class HidWedgeDetector<T> {
  readonly maxGapMs: number;
  readonly minLength: number;
  private burst: { char: string; key: T; held: boolean }[] = [];
  private lastAt = 0;

  constructor(options: HidWedgeOptions = {}) {
    this.maxGapMs = options.maxGapMs ?? HID_WEDGE_DEFAULTS.maxGapMs;
    this.minLength = options.minLength ?? HID_WEDGE_DEFAULTS.minLength;
  }

  /** Whether any key is being held back. */
  get holding(): boolean {
    return this.burst.some((k) => k.held);
  }

  /** Whether a burst is under way (held or already handed back), so an Enter may end a scan. */
  get inBurst(): boolean {
    return this.burst.length > 0;
  }

  /**
   * A printable key at `at` ms; it is held. Returns the keys this arrival
   * shows to be typing (the previous burst went quiet before it).
   */
  key(char: string, key: T, at: number): T[] {
    const released = this.burst.length > 0 && at - this.lastAt > this.maxGapMs ? this.end() : [];
    this.burst.push({ char, key, held: true });
    this.lastAt = at;
    return released;
  }

  /** Enter at `at` ms: a scan when a long enough burst ran right up to it, else typing. */
  enter(at: number): EnterVerdict<T> {
    const isScan = this.burst.length >= this.minLength && at - this.lastAt <= this.maxGapMs;
    if (!isScan) return { kind: 'typing', keys: this.end() };
    const code = this.burst.map((k) => k.char).join('');
    const typedAlready = this.burst.filter((k) => !k.held).map((k) => k.key);
    this.burst = [];
    return { kind: 'scan', code, typedAlready };
  }

  /** Hand back the held keys as typing; the burst stays open for a late key or Enter. */
  release(): T[] {
    const keys = this.burst.filter((k) => k.held).map((k) => k.key);
    this.burst.forEach((k) => (k.held = false));
    return keys;
  }

  /** Hand back the held keys and close the burst (another key came, or the detector stops). */
  end(): T[] {
    const keys = this.release();
    this.burst = [];
    return keys;
  }
}

/** [unshifted, shifted] character of each key position on a US layout. */
const US_KEYS: Readonly<Record<string, readonly [string, string]>> = (() => {
  const keys: Record<string, readonly [string, string]> = {
    Minus: ['-', '_'],
    Equal: ['=', '+'],
    BracketLeft: ['[', '{'],
    BracketRight: [']', '}'],
    Backslash: ['\\', '|'],
    Semicolon: [';', ':'],
    Quote: ["'", '"'],
    Backquote: ['`', '~'],
    Comma: [',', '<'],
    Period: ['.', '>'],
    Slash: ['/', '?'],
    NumpadDecimal: ['.', '.'],
    NumpadAdd: ['+', '+'],
    NumpadSubtract: ['-', '-'],
    NumpadMultiply: ['*', '*'],
    NumpadDivide: ['/', '/'],
  };
  const shiftedDigits = ')!@#$%^&*(';
  for (let d = 0; d <= 9; d++) {
    keys[`Digit${d}`] = [String(d), shiftedDigits[d]!];
    keys[`Numpad${d}`] = [String(d), String(d)];
  }
  for (let c = 65; c <= 90; c++) {
    const upper = String.fromCharCode(c);
    keys[`Key${upper}`] = [upper.toLowerCase(), upper];
  }
  return keys;
})();

/** The parts of a KeyboardEvent that say which character a scanner meant. */
export interface KeyStroke {
  code: string;
  key: string;
  shiftKey: boolean;
  capsLock: boolean;
}

/**
 * The character a scanner meant by this key. When the layout agrees with the
 * US position, `key` settles the case (some senders set no Shift flag for
 * capitals); when it does not (a Norwegian `+` on the US `-` key), the
 * position and the Shift flag decide. Caps Lock on the till is undone: the
 * scanner did not ask for it, and member QR tokens are case-sensitive.
 */
export function scanCharOf(stroke: KeyStroke): string | null {
  const us = US_KEYS[stroke.code];
  if (!us) return stroke.key.length === 1 ? stroke.key : null;
  const [plain, shifted] = us;
  const isLetter = plain !== shifted && /^[a-z]$/.test(plain);
  if (isLetter) {
    const sameLetter = stroke.key.toLowerCase() === plain;
    const upper = sameLetter ? (stroke.key === shifted) !== stroke.capsLock : stroke.shiftKey;
    return upper ? shifted : plain;
  }
  if (stroke.key === plain || stroke.key === shifted) return stroke.key;
  return stroke.shiftKey ? shifted : plain;
}

function isEnter(event: KeyboardEvent): boolean {
  return event.code === 'Enter' || event.code === 'NumpadEnter' || event.key === 'Enter';
}

/** A key that would type a character (and so may be part of a scan). */
function isPrintable(event: KeyboardEvent): boolean {
  return (
    event.key.length === 1 &&
    event.code !== 'Space' &&
    !event.ctrlKey &&
    !event.metaKey &&
    !event.altKey &&
    !event.repeat &&
    !event.isComposing
  );
}

/** What replaying a key did to a text field, so a scan can take it back. */
interface Typed {
  field: HTMLInputElement | HTMLTextAreaElement;
  before: { value: string; start: number | null; end: number | null };
  after: string;
}

interface HeldKey {
  event: KeyboardEvent;
  target: EventTarget | null;
  typed?: Typed;
}

function isTextInput(
  element: EventTarget | null,
): element is HTMLInputElement | HTMLTextAreaElement {
  if (element instanceof HTMLTextAreaElement) return true;
  return (
    element instanceof HTMLInputElement &&
    !/^(button|checkbox|color|file|hidden|image|radio|range|reset|submit)$/.test(element.type)
  );
}

const nativeValueSetter = (element: HTMLInputElement | HTMLTextAreaElement) =>
  Object.getOwnPropertyDescriptor(Object.getPrototypeOf(element) as object, 'value')?.set;

/**
 * Put `text` into a text field as typing would: at the caret, replacing the
 * selection, within maxlength, announced by beforeinput and input events.
 * `setRangeText` leaves React's value tracker behind, so React sees the change
 * in the input event and runs the field's onChange.
 */
function insertIntoField(
  field: HTMLInputElement | HTMLTextAreaElement,
  text: string,
): Typed | undefined {
  if (field.readOnly || field.disabled) return;
  const init = { inputType: 'insertText', data: text, bubbles: true, composed: true };
  if (!field.dispatchEvent(new InputEvent('beforeinput', { ...init, cancelable: true }))) return;
  const start = field.selectionStart;
  const end = field.selectionEnd;
  const before = { value: field.value, start, end };
  let room = text;
  if (field.maxLength >= 0) {
    const kept = field.value.length - ((end ?? 0) - (start ?? 0));
    room = text.slice(0, Math.max(0, field.maxLength - kept));
  }
  if (room === '') return;
  if (start !== null && end !== null) {
    field.setRangeText(room, start, end, 'end');
  } else {
    // Types without a selection (email, number): typing appends.
    nativeValueSetter(field)?.call(field, field.value + room);
  }
  field.dispatchEvent(new InputEvent('input', init));
  return { field, before, after: field.value };
}

/** Undo replayed typing, newest first, as far as the fields still hold exactly what it left. */
function takeBack(keys: HeldKey[]): void {
  for (const { typed } of [...keys].reverse()) {
    if (!typed || typed.field.value !== typed.after) return;
    const { field, before } = typed;
    nativeValueSetter(field)?.call(field, before.value);
    if (before.start !== null && before.end !== null)
      field.setSelectionRange(before.start, before.end);
    field.dispatchEvent(
      new InputEvent('input', { inputType: 'historyUndo', bubbles: true, composed: true }),
    );
  }
}

/** Replay a held key: a copy of its keydown for the app's handlers, then its text. */
function replay(held: HeldKey): void {
  const { event, target } = held;
  if (!target) return;
  const copy = new KeyboardEvent('keydown', {
    key: event.key,
    code: event.code,
    location: event.location,
    shiftKey: event.shiftKey,
    ctrlKey: event.ctrlKey,
    altKey: event.altKey,
    metaKey: event.metaKey,
    repeat: event.repeat,
    bubbles: true,
    cancelable: true,
    composed: true,
  });
  if (!target.dispatchEvent(copy)) return;
  if (isTextInput(target)) held.typed = insertIntoField(target, event.key);
  else if (target instanceof HTMLElement && target.isContentEditable)
    target.ownerDocument.execCommand('insertText', false, event.key);
}

/**
 * Listen for scanner bursts on `target` (the app's window) in the capture
 * phase, before any field or handler sees the keys. `onScan` gets each code;
 * the focused field keeps what it had. Returns the function that uninstalls
 * the listener (keys still held are typed out first).
 */
export function installHidWedge(
  target: Window,
  onScan: (code: string) => void,
  options: HidWedgeOptions = {},
): () => void {
  const detector = new HidWedgeDetector<HeldKey>(options);
  let timer: number | null = null;

  const stopTimer = () => {
    if (timer !== null) target.clearTimeout(timer);
    timer = null;
  };
  const releaseAll = (keys: HeldKey[]) => keys.forEach(replay);
  // The quiet timer counts from when a key is handled, not from its stamp: a
  // busy page handles keys late. If it still fires inside a scan, the scan
  // takes those keys back out of the field.
  const armTimer = () => {
    stopTimer();
    timer = target.setTimeout(() => {
      timer = null;
      releaseAll(detector.release());
    }, detector.maxGapMs + 1);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    // Our own replays (and other scripts' synthetic keys) go straight through.
    if (!event.isTrusted) return;
    if (event.key === 'Shift' || event.key === 'CapsLock') return;
    const at = event.timeStamp;
    if (isPrintable(event)) {
      const char = scanCharOf({
        code: event.code,
        key: event.key,
        shiftKey: event.shiftKey,
        capsLock: event.getModifierState('CapsLock'),
      });
      if (char !== null) {
        event.preventDefault();
        event.stopImmediatePropagation();
        releaseAll(detector.key(char, { event, target: event.target }, at));
        armTimer();
        return;
      }
    }
    if (isEnter(event) && detector.inBurst) {
      stopTimer();
      const verdict = detector.enter(at);
      if (verdict.kind === 'scan') {
        event.preventDefault();
        event.stopImmediatePropagation();
        takeBack(verdict.typedAlready);
        try {
          onScan(verdict.code);
        } catch (error) {
          target.reportError(error);
        }
        return;
      }
      // Typing: the held keys land before this Enter goes on to the field.
      releaseAll(verdict.keys);
      return;
    }
    // Any other key (Backspace, arrows, shortcuts) comes after what is held.
    if (detector.inBurst) {
      stopTimer();
      releaseAll(detector.end());
    }
  };

  target.addEventListener('keydown', onKeyDown, true);
  return () => {
    target.removeEventListener('keydown', onKeyDown, true);
    stopTimer();
    releaseAll(detector.end());
  };
}

export interface UseHidScannerOptions extends HidWedgeOptions {
  /** Off while a screen wants raw keys (e.g. a PIN pad); on by default. */
  enabled?: boolean;
}

/** Catch keyboard-wedge scans anywhere in the window while mounted. */
export function useHidScanner(
  onScan: (code: string) => void,
  options: UseHidScannerOptions = {},
): void {
  const latest = useRef(onScan);
  useEffect(() => {
    latest.current = onScan;
  });
  const { enabled = true, maxGapMs, minLength } = options;
  useEffect(() => {
    if (!enabled) return;
    return installHidWedge(window, (code) => latest.current(code), { maxGapMs, minLength });
  }, [enabled, maxGapMs, minLength]);
}

import { describe, expect, it } from 'vitest';
import { HidWedgeDetector, scanCharOf } from './hid-wedge';
import type { KeyStroke } from './hid-wedge';

/** Feed `text` one key every `gapMs` from `start`; returns what was released on the way. */
function typeInto(detector: HidWedgeDetector<string>, text: string, gapMs: number, start = 0) {
  const released: string[] = [];
  [...text].forEach((char, i) => released.push(...detector.key(char, char, start + i * gapMs)));
  return { released, lastAt: start + (text.length - 1) * gapMs };
}

describe('HidWedgeDetector', () => {
  it('a fast burst of 13 digits ending in Enter is a scan, and nothing is released', () => {
    const detector = new HidWedgeDetector<string>();
    const { released, lastAt } = typeInto(detector, '2990000012340', 5);
    expect(released).toEqual([]);
    expect(detector.enter(lastAt + 5)).toEqual({
      kind: 'scan',
      code: '2990000012340',
      typedAlready: [],
    });
    expect(detector.holding).toBe(false);
    expect(detector.inBurst).toBe(false);
  });

  it('the same digits typed at human speed are typing, released key by key', () => {
    const detector = new HidWedgeDetector<string>();
    const digits = '2990000012340';
    const { released } = typeInto(detector, digits, 150);
    // Each key shows the one before it was typing; the quiet timer hands back the last.
    expect(released.join('')).toBe(digits.slice(0, -1));
    expect(detector.release()).toEqual(['0']);
    expect(detector.enter(digits.length * 150)).toEqual({ kind: 'typing', keys: [] });
  });

  it('a burst shorter than minLength before Enter is typing, handed back in order', () => {
    const detector = new HidWedgeDetector<string>({ minLength: 6 });
    const { lastAt } = typeInto(detector, '12345', 5);
    expect(detector.enter(lastAt + 5)).toEqual({ kind: 'typing', keys: [...'12345'] });
  });

  it('a fast burst whose Enter comes late is typing', () => {
    const detector = new HidWedgeDetector<string>({ maxGapMs: 35 });
    const { lastAt } = typeInto(detector, '2990000012340', 5);
    expect(detector.enter(lastAt + 36)).toEqual({ kind: 'typing', keys: [...'2990000012340'] });
  });

  it('a gap of exactly maxGapMs still belongs to the burst; one more ms breaks it', () => {
    const detector = new HidWedgeDetector<string>({ maxGapMs: 35, minLength: 3 });
    typeInto(detector, 'abc', 35);
    expect(detector.enter(70 + 35)).toEqual({ kind: 'scan', code: 'abc', typedAlready: [] });
    typeInto(detector, 'abc', 35);
    expect(detector.enter(70 + 36)).toEqual({ kind: 'typing', keys: ['a', 'b', 'c'] });
    expect(detector.key('x', 'x', 1000)).toEqual([]);
    expect(detector.key('y', 'y', 1036)).toEqual(['x']);
  });

  it('keys handed back early by the quiet timer still belong to their scan, to be taken back', () => {
    const detector = new HidWedgeDetector<string>();
    typeInto(detector, '29900', 5);
    // The page was busy: the timer gave up on these before the rest arrived.
    expect(detector.release()).toEqual([...'29900']);
    expect(detector.holding).toBe(false);
    expect(detector.inBurst).toBe(true);
    const { released, lastAt } = typeInto(detector, '00012340', 5, 25);
    expect(released).toEqual([]);
    expect(detector.enter(lastAt + 5)).toEqual({
      kind: 'scan',
      code: '2990000012340',
      typedAlready: [...'29900'],
    });
  });

  it('another key closes the burst: what follows is a new one', () => {
    const detector = new HidWedgeDetector<string>();
    typeInto(detector, '299000', 5);
    expect(detector.end()).toEqual([...'299000']);
    expect(detector.inBurst).toBe(false);
    expect(detector.enter(35)).toEqual({ kind: 'typing', keys: [] });
  });

  it('a key after a pause releases the earlier keys and starts a new burst', () => {
    const detector = new HidWedgeDetector<string>();
    typeInto(detector, 'ab', 5);
    expect(detector.key('1', '1', 200)).toEqual(['a', 'b']);
    const { lastAt } = typeInto(detector, '234567', 5, 205);
    expect(detector.enter(lastAt + 5)).toEqual({ kind: 'scan', code: '1234567', typedAlready: [] });
  });

  it('gives back the payloads it was handed, not the scan characters', () => {
    const detector = new HidWedgeDetector<{ id: number }>();
    detector.key('x', { id: 1 }, 0);
    detector.key('y', { id: 2 }, 5);
    expect(detector.end()).toEqual([{ id: 1 }, { id: 2 }]);
    expect(detector.holding).toBe(false);
  });

  it('takes its thresholds from the options', () => {
    const slowScanner = new HidWedgeDetector<string>({ maxGapMs: 60, minLength: 4 });
    const { lastAt } = typeInto(slowScanner, '1234', 50);
    expect(slowScanner.enter(lastAt + 50)).toMatchObject({ kind: 'scan', code: '1234' });
  });
});

const stroke = (code: string, key: string, extra: Partial<KeyStroke> = {}): KeyStroke => ({
  code,
  key,
  shiftKey: false,
  capsLock: false,
  ...extra,
});

describe('scanCharOf', () => {
  it('reads digits from the key position whatever the layout prints', () => {
    expect(scanCharOf(stroke('Digit7', '7'))).toBe('7');
    // AZERTY prints & on Digit1 without Shift.
    expect(scanCharOf(stroke('Digit1', '&'))).toBe('1');
    expect(scanCharOf(stroke('Numpad4', '4'))).toBe('4');
  });

  it('reads the US punctuation a Norwegian layout remaps', () => {
    // Norwegian: the US "-" key types "+", and Shift on it types "?".
    expect(scanCharOf(stroke('Minus', '+'))).toBe('-');
    expect(scanCharOf(stroke('Minus', '?', { shiftKey: true }))).toBe('_');
    // A US layout's own characters are taken as they come, Shift flag or not.
    expect(scanCharOf(stroke('Minus', '_'))).toBe('_');
    expect(scanCharOf(stroke('Digit2', '@'))).toBe('@');
  });

  it('keeps the case a scanner meant, undoing the till Caps Lock', () => {
    expect(scanCharOf(stroke('KeyL', 'L', { shiftKey: true }))).toBe('L');
    expect(scanCharOf(stroke('KeyL', 'L'))).toBe('L');
    expect(scanCharOf(stroke('KeyL', 'l'))).toBe('l');
    expect(scanCharOf(stroke('KeyL', 'l', { shiftKey: true, capsLock: true }))).toBe('L');
    expect(scanCharOf(stroke('KeyL', 'L', { capsLock: true }))).toBe('l');
    // AZERTY: the US Q position prints "a"; the position and Shift decide.
    expect(scanCharOf(stroke('KeyQ', 'a'))).toBe('q');
    expect(scanCharOf(stroke('KeyQ', 'A', { shiftKey: true }))).toBe('Q');
  });

  it('falls back to the printed character for keys outside the US map', () => {
    expect(scanCharOf(stroke('IntlBackslash', '<'))).toBe('<');
    expect(scanCharOf(stroke('Unidentified', 'ø'))).toBe('ø');
    expect(scanCharOf(stroke('ArrowLeft', 'ArrowLeft'))).toBeNull();
  });
});

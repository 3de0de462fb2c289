/** The member card's EAN-13 bars (src/core/ean13-bars.ts) read back by @zxing, a reader the core may not use itself. */
import { BitArray, EAN13Reader } from '@zxing/library';
import { describe, expect, it } from 'vitest';
import { ean13Modules, isGuardModule } from '../../src/core/ean13-bars';
import { memberNumberFor } from '../../src/core/ean13';

/** The bars as a scan line with a light margin, read back by @zxing's EAN-13 reader. */
function read(modules: boolean[]): string {
  const margin = 11;
  const row = new BitArray(modules.length + 2 * margin);
  modules.forEach((dark, i) => {
    if (dark) row.set(i + margin);
  });
  return new EAN13Reader().decodeRow(0, row, new Map()).getText();
}

describe('EAN-13 bars', () => {
  it('draws 95 modules that a barcode reader reads back as the same number', () => {
    for (const code of [
      memberNumberFor('29', 1),
      memberNumberFor('027', 123_456),
      '5901234123457',
    ]) {
      const modules = ean13Modules(code);
      expect(modules).toHaveLength(95);
      expect(read(modules)).toBe(code);
    }
  });

  it('refuses what is not an EAN-13, and marks the guards', () => {
    expect(() => ean13Modules('2900000000011')).toThrow(RangeError);
    expect(() => ean13Modules('123')).toThrow(RangeError);
    expect([0, 2, 45, 49, 92, 94].every(isGuardModule)).toBe(true);
    expect([3, 44, 50, 91].some(isGuardModule)).toBe(false);
  });
});

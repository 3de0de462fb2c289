import { describe, expect, it } from 'vitest';
import { RepeatGuard } from './repeat-guard';

describe('RepeatGuard', () => {
  it('counts a code held in view (read every frame) once', () => {
    const guard = new RepeatGuard(1500);
    const accepted = Array.from({ length: 90 }, (_, frame) => guard.accept('LJM-abc', frame * 33));
    expect(accepted.filter(Boolean)).toHaveLength(1);
    expect(accepted[0]).toBe(true);
  });

  it('counts it again once it has been out of view for the quiet time', () => {
    const guard = new RepeatGuard(1500);
    expect(guard.accept('A', 0)).toBe(true);
    expect(guard.accept('A', 1000)).toBe(false);
    expect(guard.accept('A', 2499)).toBe(false);
    expect(guard.accept('A', 2499 + 1500)).toBe(true);
  });

  it('a different code counts at once, and two cards in view do not take turns', () => {
    const guard = new RepeatGuard(1500);
    expect(guard.accept('A', 0)).toBe(true);
    expect(guard.accept('B', 40)).toBe(true);
    for (let t = 80; t < 1000; t += 40)
      expect(guard.accept(t % 80 === 0 ? 'A' : 'B', t)).toBe(false);
  });
});

/**
 * The till's command map and the back office's load side by side (the demo's
 * start, a test that drives both): one English text names one catalogue
 * message (src/core/schema-messages.ts `says`), so the two maps may not say
 * the same thing under two keys.
 */
import { describe, expect, it } from 'vitest';

describe('the two command maps', () => {
  it('load in one process', async () => {
    const till = await import('../../src/contract/commands');
    const backoffice = await import('../../src/contract/backoffice');
    expect(Object.keys(till.CommandInputs).length).toBeGreaterThan(10);
    expect(Object.keys(backoffice.BO_COMMANDS).length).toBeGreaterThan(10);
  });
});

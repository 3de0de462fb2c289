import { describe, expect, it } from 'vitest';
import { msg } from '../core/i18n';
import { BoCallError } from './api';
import { BUSY_TRIES, busyRetryWaitMs } from './busy-retry';

const busy = (retryAfterSeconds: number | null) =>
  new BoCallError(
    503,
    'unavailable',
    msg('backoffice.ui.import.busy', { seconds: 1 }),
    null,
    retryAfterSeconds,
  );

describe('busyRetryWaitMs', () => {
  it('waits what the cloud asks for, within half a second and ten seconds', () => {
    expect(busyRetryWaitMs(busy(1), 0)).toBe(1_000);
    expect(busyRetryWaitMs(busy(0), 0)).toBe(500);
    expect(busyRetryWaitMs(busy(60), 0)).toBe(10_000);
    expect(busyRetryWaitMs(busy(null), 0)).toBe(1_000);
  });

  it(`tries again ${BUSY_TRIES} times in a row at most`, () => {
    expect(busyRetryWaitMs(busy(1), BUSY_TRIES - 1)).toBe(1_000);
    expect(busyRetryWaitMs(busy(1), BUSY_TRIES)).toBeNull();
  });

  it('never tries again what the cloud refused or what never reached it', () => {
    expect(
      busyRetryWaitMs(
        new BoCallError(400, 'invalid_request', msg('backoffice.ui.error.unexpected')),
        0,
      ),
    ).toBeNull();
    expect(
      busyRetryWaitMs(new BoCallError(0, 'unreachable', msg('backoffice.ui.error.unreachable')), 0),
    ).toBeNull();
    expect(busyRetryWaitMs(new Error('x'), 0)).toBeNull();
  });
});

/**
 * The till's publisher never waits and never floods: one call in flight,
 * changes meanwhile coalesced into the newest, repeats not sent, failures
 * dropped without a retry loop, the heartbeat sends the state again.
 */
import { describe, expect, it } from 'vitest';
import { idleDisplay } from '../../contract/commands/display';
import type { DisplayState } from '../../contract/commands/display';
import { DisplayPublisher } from './publisher';
import type { PublisherTimers } from './publisher';

function state(total: number): DisplayState {
  return { ...idleDisplay('Bakeriet'), phase: 'sale', totalOre: total };
}

/** A service whose answers the test gives, one by one. */
function service(fail = false) {
  const sent: number[] = [];
  const pending: Array<() => void> = [];
  const send = (shown: DisplayState) => {
    sent.push(shown.totalOre);
    return new Promise<void>((resolve, reject) =>
      pending.push(() => (fail ? reject(new Error('unreachable')) : resolve())),
    );
  };
  /** Answer the oldest call and let the publisher react. */
  const answer = async () => {
    pending.shift()!();
    for (let i = 0; i < 5; i++) await Promise.resolve();
  };
  return { sent, pending, send, answer };
}

function manualTimers(): PublisherTimers & { tick(): void; cleared: boolean } {
  let run: (() => void) | null = null;
  const timers = {
    cleared: false,
    setInterval: (callback: () => void) => {
      run = callback;
      return 1;
    },
    clearInterval: () => {
      timers.cleared = true;
      run = null;
    },
    tick: () => run?.(),
  };
  return timers;
}

describe('the display publisher', () => {
  it('sends at once, then only the newest of what changed while a call was out', async () => {
    const till = service();
    const publisher = new DisplayPublisher(till.send, 30_000, manualTimers());
    publisher.publish(state(100));
    expect(till.sent).toEqual([100]);
    publisher.publish(state(200));
    publisher.publish(state(300));
    publisher.publish(state(400));
    expect(till.sent).toEqual([100]);
    await till.answer();
    expect(till.sent).toEqual([100, 400]);
    await till.answer();
    expect(till.pending).toHaveLength(0);
  });

  it('does not send the same state twice in a row', async () => {
    const till = service();
    const publisher = new DisplayPublisher(till.send, 30_000, manualTimers());
    publisher.publish(state(100));
    await till.answer();
    publisher.publish(state(100));
    expect(till.sent).toEqual([100]);
    publisher.publish(state(200));
    expect(till.sent).toEqual([100, 200]);
  });

  it('drops a failure quietly and does not ask again in a loop', async () => {
    const till = service(true);
    const publisher = new DisplayPublisher(till.send, 30_000, manualTimers());
    publisher.publish(state(100));
    await till.answer();
    expect(till.sent).toEqual([100]);
    expect(till.pending).toHaveLength(0);
    // The next change goes out as usual.
    publisher.publish(state(200));
    expect(till.sent).toEqual([100, 200]);
  });

  it('survives a send that throws before it is even a promise', () => {
    const publisher = new DisplayPublisher(
      () => {
        throw new Error('no transport');
      },
      30_000,
      manualTimers(),
    );
    expect(() => publisher.publish(state(100))).not.toThrow();
  });

  it('sends the state again on the heartbeat, and nothing once stopped', async () => {
    const till = service();
    const timers = manualTimers();
    const publisher = new DisplayPublisher(till.send, 30_000, timers);
    publisher.publish(state(100));
    await till.answer();
    timers.tick();
    expect(till.sent).toEqual([100, 100]);
    await till.answer();
    publisher.stop();
    expect(timers.cleared).toBe(true);
    publisher.publish(state(200));
    timers.tick();
    expect(till.sent).toEqual([100, 100]);
  });
});

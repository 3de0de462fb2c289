import { describe, expect, it } from 'vitest';
import { CommandInputs } from './commands';
import { sessionHandlers } from './commands/session';
import type { HandlerMap } from './handler-types';
import { handlers } from './handlers';

describe('the handler map', () => {
  it('has exactly one handler per command of the contract', () => {
    expect(Object.keys(handlers).sort()).toEqual(Object.keys(CommandInputs).sort());
  });

  it('does not compile with a command left out (checked by tsc)', () => {
    // @ts-expect-error every command needs its handler
    const incomplete: HandlerMap = { ...sessionHandlers };
    expect(Object.keys(incomplete)).toHaveLength(5);
  });
});

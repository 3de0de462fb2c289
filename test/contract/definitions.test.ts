/**
 * One declaration per command (src/contract/commands): the tables derive from
 * the declarations, a name declared or handled twice stops the till at start,
 * and an anonymous caller runs only what needs no log-in.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  COMMAND_NAMES,
  COMMANDS,
  CommandRoles,
  gatherCommands,
  OPEN_COMMANDS,
  READ_COMMANDS,
  REST_ROUTES,
} from '../../src/contract/commands';
import type { CommandDefinition } from '../../src/contract/commands';
import { API_ROUTES } from '../../src/host/api-routes';
import { ANONYMOUS_SESSION } from '../../src/host/commands';
import { gatherHandlers, handlers } from '../../src/service/handlers';
import { failure, openTestTill } from '../../src/service/testing';
import type { TestTill } from '../../src/service/testing';

const declaration = (role: 'none' | 'cashier' | 'manager'): CommandDefinition =>
  ({ input: z.object({}), output: {}, role, access: 'write' }) as unknown as CommandDefinition;

describe('command declarations', () => {
  it('refuses a command declared twice, naming it', () => {
    expect(() =>
      gatherCommands(
        { 'member.get': declaration('cashier') },
        { 'member.get': declaration('none') },
      ),
    ).toThrow('the command "member.get" is declared twice');
  });

  it('refuses a command handled twice, or declared without a handler, or handled undeclared', () => {
    const all = { ...handlers };
    expect(() => gatherHandlers(all, { 'member.get': all['member.get'] })).toThrow(
      'the command "member.get" has two handlers',
    );
    const { 'sale.get': _left, ...withoutOne } = all;
    expect(() => gatherHandlers(withoutOne)).toThrow('no handler for sale.get');
    expect(() => gatherHandlers(all, { 'member.teleport': () => null })).toThrow(
      'no declaration for member.teleport',
    );
    expect(Object.keys(gatherHandlers(all)).sort()).toEqual([...COMMAND_NAMES].sort());
  });

  it('derives every table from the declarations', () => {
    expect([...OPEN_COMMANDS].sort()).toEqual([
      'session.login',
      'setup.start',
      'setup.status',
      'staff.names',
      'status.get',
    ]);
    for (const name of ['member.lookup', 'member.get', 'member.search'] as const)
      expect(READ_COMMANDS.has(name), name).toBe(true);
    for (const name of ['sale.commit', 'member.enrol', 'session.login'] as const)
      expect(READ_COMMANDS.has(name), name).toBe(false);
    for (const name of COMMAND_NAMES) expect(CommandRoles[name]).toBe(COMMANDS[name].role);
    // Each REST route is its command's declared one, and only declared ones are routes.
    expect(API_ROUTES.map((r) => `${r.method} ${r.path} ${r.command}`)).toEqual(
      REST_ROUTES.map(({ command, route }) => `${route.method} ${route.path} ${command}`),
    );
    const declared = COMMAND_NAMES.filter((n) => (COMMANDS[n] as CommandDefinition).rest);
    expect(API_ROUTES.map((r) => r.command).sort()).toEqual(declared.sort());
  });
});

describe('an anonymous caller', () => {
  let till: TestTill;
  beforeAll(async () => {
    till = await openTestTill();
  });
  afterAll(() => till.close());

  it('runs the commands that need no log-in', async () => {
    const status = await till.call('status.get', {}, ANONYMOUS_SESSION);
    expect(status.terminalId).toBeTruthy();
    const names = await till.call('staff.names', {}, ANONYMOUS_SESSION);
    expect(names.length).toBeGreaterThan(0);
    expect(await till.call('setup.status', {}, ANONYMOUS_SESSION)).toMatchObject({ needed: false });
    // The first run opens no door on a till in use: it is refused once anyone can log in.
    await expect(
      till.call(
        'setup.start',
        {
          manager: { name: 'Inntrenger', pin: '1234' },
          start: { kind: 'template', templateId: 'blank', storeName: 'Min butikk' },
        },
        ANONYMOUS_SESSION,
      ),
    ).rejects.toMatchObject({ code: 'already_set_up', status: 409 });
  });

  it('has no rights beyond them, not even a cashier’s', async () => {
    for (const [name, input] of [
      ['member.lookup', { query: '41234567' }],
      ['basket.evaluate', { lines: [] }],
      ['session.logout', {}],
      ['staff.list', {}],
    ] as const) {
      const error = await failure(till.call(name, input as never, ANONYMOUS_SESSION));
      expect(error, name).toMatchObject({ code: 'unauthorized', status: 401 });
      expect(error.text.nb, name).toBe('Logg inn med PIN-koden din først.');
    }
  });
});

/**
 * The till's one API: every command, declared once in its domain's file
 * (./session.ts, ./members.ts, …) with its input schema, output, role, access
 * and REST route. Electron IPC, browser-mode /rpc, the /api/v1 REST routes and
 * the tests all go through TillService.call with these names. Part of the
 * contract: zod and src/core only, so the UI may import the schemas by value
 * (a form judged by the schema the service will judge it by).
 */
import type { z } from 'zod';
import { configurationCommands } from './configuration';
import type { CommandDefinition, Needs, RestRoute, Returns } from './define';
import { devicesCommands } from './devices';
import { displayCommands } from './display';
import { memberJoinCommands } from './member-join';
import { memberPrivacyCommands } from './member-privacy';
import { memberRewardsCommands } from './member-rewards';
import { membersCommands } from './members';
import { productsCommands } from './products';
import { reportsCommands } from './reports';
import { salesCommands } from './sales';
import { sessionCommands } from './session';
import { setupCommands } from './setup';
import { statusCommands } from './status';
import { syncCommands } from './sync';

export * from './types';
export * from './schemas';
export type { CommandDefinition, Method, Needs, RestRequest, RestRoute } from './define';

type Declared = typeof sessionCommands &
  typeof setupCommands &
  typeof membersCommands &
  typeof memberRewardsCommands &
  typeof memberPrivacyCommands &
  typeof memberJoinCommands &
  typeof salesCommands &
  typeof configurationCommands &
  typeof productsCommands &
  typeof statusCommands &
  typeof devicesCommands &
  typeof displayCommands &
  typeof syncCommands &
  typeof reportsCommands;

/**
 * Every declaration under its name, gathered from the domain files. A name
 * declared twice stops the till at start-up (this module's load) rather than
 * one silently replacing the other.
 */
export function gatherCommands<T extends object>(...domains: readonly object[]): T {
  const all: Record<string, CommandDefinition> = {};
  for (const domain of domains) {
    for (const [name, definition] of Object.entries(domain) as [string, CommandDefinition][]) {
      if (Object.prototype.hasOwnProperty.call(all, name))
        throw new Error(`the command "${name}" is declared twice`);
      all[name] = definition;
    }
  }
  return all as T;
}

export const COMMANDS: Declared = gatherCommands<Declared>(
  sessionCommands,
  setupCommands,
  membersCommands,
  memberRewardsCommands,
  memberPrivacyCommands,
  memberJoinCommands,
  salesCommands,
  configurationCommands,
  productsCommands,
  statusCommands,
  devicesCommands,
  displayCommands,
  syncCommands,
  reportsCommands,
);

export type CommandName = keyof Declared;
export const COMMAND_NAMES = Object.keys(COMMANDS) as CommandName[];

type OutputOf<R> = R extends Returns<infer O> ? O : never;

export type CommandInputSchemas = { [N in CommandName]: Declared[N]['input'] };
export type CommandOutputs = { [N in CommandName]: OutputOf<Declared[N]['output']> };
export type CommandAccess<N extends CommandName> = Declared[N]['access'];
export type CommandInput<N extends CommandName> = z.input<CommandInputSchemas[N]>;
export type ParsedInput<N extends CommandName> = z.output<CommandInputSchemas[N]>;
/** The commands that only read. */
export type ReadCommand = {
  [N in CommandName]: CommandAccess<N> extends 'read' ? N : never;
}[CommandName];

function table<V>(pick: (definition: CommandDefinition) => V): { [N in CommandName]: V } {
  return Object.fromEntries(
    COMMAND_NAMES.map((name) => [name, pick(COMMANDS[name] as CommandDefinition)]),
  ) as { [N in CommandName]: V };
}

/** Each command's input schema. */
export const CommandInputs = table((d) => d.input) as CommandInputSchemas;

/** Who may run each command. `system` may run everything. */
export const CommandRoles: Record<CommandName, Needs> = table((d) => d.role);

/** Commands a caller may run before logging in. */
export const OPEN_COMMANDS: ReadonlySet<CommandName> = new Set(
  COMMAND_NAMES.filter((name) => COMMANDS[name].session === false),
);

/** Commands that only read: a read-only handle, no transaction. */
export const READ_COMMANDS: ReadonlySet<CommandName> = new Set(
  COMMAND_NAMES.filter((name) => COMMANDS[name].access === 'read'),
);

/** The commands with a REST route under /api/v1, with it. */
export const REST_ROUTES: ReadonlyArray<{
  command: CommandName;
  route: RestRoute<unknown>;
}> = COMMAND_NAMES.flatMap((command) => {
  const { rest } = COMMANDS[command] as CommandDefinition;
  return rest ? [{ command, route: rest }] : [];
});

export function isCommandName(name: string): name is CommandName {
  return Object.prototype.hasOwnProperty.call(COMMANDS, name);
}

/**
 * The session a command's answer opens, if it opens one: a log-in, or a first
 * run that logged its new manager in. The transports (the UI's, the desktop
 * relay) keep it for the calls that follow.
 */
export function openedSession(name: string, output: unknown): string | null {
  if (name === 'session.login') return (output as CommandOutputs['session.login']).sessionToken;
  if (name === 'setup.start') {
    const result = output as CommandOutputs['setup.start'];
    return result.loggedIn ? result.sessionToken : null;
  }
  return null;
}

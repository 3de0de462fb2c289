/**
 * How command handlers are typed: one handler per command name, taking the parsed
 * input and the command's context and answering its output. The full map is
 * `HandlerMap`, so a missing or mistyped handler is a compile error.
 */
import type { EventEnvelope, EventPayload, EventType, LojalEvent } from '../core/events';
import type { Programme } from '../core/programme';
import type { Db } from '../store';
import type { CommandName, CommandOutputs, ParsedInput, Session } from './commands';
import type { SessionStore } from './sessions';
import type { Notification } from './types';
import type { DeviceHub } from './devices/manager';

export interface TerminalIdentity {
  chainId: string;
  storeId: string;
  terminalId: string;
}

export interface CommandContext {
  readonly db: Db;
  readonly session: Session;
  /** The instant of this command: one clock reading for everything it does. */
  readonly now: number;
  readonly terminal: TerminalIdentity;
  readonly sessions: SessionStore;
  /** The programme in force (a minimal one when none was ever saved). */
  programme(): Programme;
  /** A new event from this till: a fresh HLC, this till's identity, a new UUIDv7 unless given. */
  event<T extends EventType>(
    type: T,
    memberId: string | null,
    payload: EventPayload<T>,
    id?: string,
  ): EventEnvelope<T>;
  /** Write events through the store's one door (inside this command's transaction). */
  append(events: readonly LojalEvent[]): void;
  /** Queue a notification; sent only once the command has committed. */
  notifyAfterCommit(notification: Notification): void;
  /** The scanner, the printer and the print queue (src/service/devices). */
  readonly devices: DeviceHub;
}

/**
 * What a handler answers when its work ends in I/O that cannot run inside a
 * transaction (listing serial ports, reopening devices): it does its database
 * part in the transaction and answers this; the service runs `run` once the
 * transaction has committed and answers its result.
 */
export class AfterCommit<T> {
  constructor(readonly run: () => Promise<T>) {}
}

export type Handler<N extends CommandName> = (
  input: ParsedInput<N>,
  ctx: CommandContext,
) => CommandOutputs[N] | AfterCommit<CommandOutputs[N]>;

/** The handlers of some commands (one domain file). */
export type Handlers<K extends CommandName> = { [N in K]: Handler<N> };

/** Every command's handler. */
export type HandlerMap = Handlers<CommandName>;

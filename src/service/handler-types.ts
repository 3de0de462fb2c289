/**
 * How command handlers are typed: one handler per command name, taking the parsed
 * input and the command's context and answering its output. The full map is
 * `HandlerMap`, so a missing or mistyped handler is a compile error.
 */
import type { EventEnvelope, EventPayload, EventType, LojalEvent } from '../core/events';
import type { Programme } from '../core/programme';
import type { Db } from '../store';
import type { SyncClient } from '../sync';
import type { CommandName, CommandOutputs, ParsedInput, Session } from './commands';
import type { SessionStore } from './sessions';
import type { PinThrottle } from './login-throttle';
import type { Notification } from './types';
import type { DeviceHub } from './devices/manager';

export interface TerminalIdentity {
  chainId: string;
  storeId: string;
  terminalId: string;
}

/** Cloud sync as commands reach it: the settings screen's commands and the member lookup. */
export type SyncPort = Pick<
  SyncClient,
  'pair' | 'unpair' | 'syncNow' | 'status' | 'conflicts' | 'lookupMember'
>;

export interface CommandContext {
  readonly db: Db;
  readonly session: Session;
  /** The instant of this command: one clock reading for everything it does. */
  readonly now: number;
  readonly terminal: TerminalIdentity;
  readonly sessions: SessionStore;
  /** Wrong PINs counted per log-in client and per member (the till's one throttle). */
  readonly pinThrottle: PinThrottle;
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
  /** Cloud sync; null only while the service is being built (the demo seed runs before it). */
  readonly sync: SyncPort | null;
  /**
   * Run `body` with a fresh read-only context (a new `now`, no transaction):
   * for an `AfterCommit` that reads again once its I/O is done.
   */
  read<T>(body: (ctx: CommandContext) => T): T;
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

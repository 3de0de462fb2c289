/**
 * How command handlers are typed: one handler per command name, taking the parsed
 * input and the command's context and answering its output. A command declared
 * `access: 'read'` (src/contract/commands) gets a `ReadOnlyContext`: its database
 * handle has no methods and fits only the store functions that read, so a write
 * does not compile. The full map is `HandlerMap`, so a missing or mistyped
 * handler is a compile error.
 */
import type { EventEnvelope, EventPayload, EventType, LojalEvent } from '../core/events';
import type { Programme } from '../core/programme';
import type { Db, Readable, ReadDb } from '../store';
import type { SyncClient } from '../sync';
import type { CommandAccess, CommandName, CommandOutputs, ParsedInput, Session } from './commands';
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
  | 'pair'
  | 'unpair'
  | 'syncNow'
  | 'status'
  | 'conflicts'
  | 'lookupMember'
  | 'startJoin'
  | 'joinStatus'
  | 'prefetchMemberPageLink'
  | 'memberPageLink'
>;

/** What every command's context has, reading or writing. */
interface BaseContext {
  readonly session: Session;
  /** The instant of this command: one clock reading for everything it does. */
  readonly now: number;
  readonly terminal: TerminalIdentity;
  /** Sessions and the verifications they hold (in memory). */
  readonly sessions: SessionStore;
  /** The programme in force (a minimal one when none was ever saved). */
  programme(): Programme;
  /** The scanner, the printer and the print queue (src/service/devices). */
  readonly devices: DeviceHub;
  /** Cloud sync; null only while the service is being built (the demo seed runs before it). */
  readonly sync: SyncPort | null;
  /**
   * Run `body` with a fresh read-only context (a new `now`, no transaction):
   * for an `AfterCommit` that reads again once its I/O is done.
   */
  read<T>(body: (ctx: ReadOnlyContext) => T): T;
}

/** What a function that only reads takes: any command's context. */
export interface ReadContext extends BaseContext {
  readonly db: Readable;
}

/** A reading command's context: the read-only handle, nothing that writes. */
export interface ReadOnlyContext extends ReadContext {
  readonly db: ReadDb;
}

/** A writing command's context: the connection, inside the command's one transaction. */
export interface CommandContext extends BaseContext {
  readonly db: Db;
  /** Wrong PINs counted per log-in client and per member (the till's one throttle). */
  readonly pinThrottle: PinThrottle;
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
  /**
   * Run `body` as a unit of work of its own (a fresh `now`, one transaction, its
   * notifications sent once it commits): for an `AfterCommit` that writes again
   * once its I/O is done (the command's own transaction has ended by then).
   */
  write<T>(body: (ctx: CommandContext) => T): T;
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

/** The context a command's handler gets, by its declared access. */
export type ContextOf<N extends CommandName> =
  CommandAccess<N> extends 'read' ? ReadOnlyContext : CommandContext;

export type Handler<N extends CommandName> = (
  input: ParsedInput<N>,
  ctx: ContextOf<N>,
) => CommandOutputs[N] | AfterCommit<CommandOutputs[N]>;

/** The handlers of some commands (one domain file). */
export type Handlers<K extends CommandName> = { [N in K]: Handler<N> };

/** Every command's handler. */
export type HandlerMap = Handlers<CommandName>;

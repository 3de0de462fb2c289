/**
 * How a back-office command is declared, once (./commands.ts): its input
 * schema, its output, the role it needs and the scope of data it reaches. The
 * cloud gives each its handler (cloud/backoffice/handlers/*), typed by the
 * declaration; the browser imports these declarations by value (a form judged
 * by the schema the cloud will judge it by).
 */
import type { z } from 'zod';
import type { Returns } from '../commands/define';

export { returns } from '../commands/define';
export type { Returns } from '../commands/define';

/**
 * Who may run it: `none` anyone, before any log-in (the log-in, the one-time
 * links); `store_manager` any signed-in account (an owner too); `owner` the
 * chain's owners only.
 */
export type BoNeeds = 'none' | 'store_manager' | 'owner';

/**
 * What it reaches, which decides the context its handler gets:
 * - `public`: no chain's data (its handler gets no account);
 * - `self`: the caller's own account and session;
 * - `stores`: data of stores: an owner's whole chain, a store manager's own
 *   stores only (its handler reaches stores through the session's scope);
 * - `chain`: the chain as a whole (its accounts): owners only.
 */
export type BoScope = 'public' | 'self' | 'stores' | 'chain';

export interface BoCommandDefinition<
  I extends z.ZodType = z.ZodType,
  O = unknown,
  S extends BoScope = BoScope,
> {
  input: I;
  output: Returns<O>;
  role: BoNeeds;
  scope: S;
  /** `read` commands change nothing. */
  access: 'read' | 'write';
  /**
   * false for `session.get` only, which hands the CSRF token out: every other
   * command run in a session sends it back (header `x-lojal-csrf`).
   */
  csrf?: false;
}

export function boCommand<I extends z.ZodType, O, S extends BoScope>(
  definition: BoCommandDefinition<I, O, S>,
): BoCommandDefinition<I, O, S> {
  return definition;
}

/** The route a command is served at: POST, JSON in and out. */
export const BO_RPC_PREFIX = '/bo/rpc/';
/** The header a signed-in page sends its session's CSRF token in. */
export const CSRF_HEADER = 'x-lojal-csrf';

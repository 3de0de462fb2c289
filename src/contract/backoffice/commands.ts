/**
 * The back office's one API: every command, declared once, served by the
 * cloud at POST /bo/rpc/<name> (cloud/backoffice/rpc.ts), handled in
 * cloud/backoffice/handlers/*. No input names a chain: the chain (and a store
 * manager's stores) come from the session, never from what is sent.
 */
import { z } from 'zod';
import { msg } from '../../core/i18n';
import { issueSaying } from '../../core/schema-messages';
import { boCommand, returns } from './define';
import { calculatorCommands } from './calculator';
import { membersCommands } from './members';
import { mergeCommands } from './merge';
import type { BoCommandDefinition, BoScope, Returns } from './define';
import {
  AccountRole,
  Email,
  Id,
  LinkToken,
  NewPassword,
  PersonName,
  TypedPassword,
} from './schemas';
import type { BoInvitation, BoLinkInfo, BoSession, BoStaffMember, BoStore } from './types';
import { programmeCommands } from './programme';
import { productsCommands } from './products';
import { conflictsCommands } from './conflicts';
import { storesCommands } from './stores';
import { reportsCommands } from './reports';
import { segmentsCommands } from './segments';
import { campaignsCommands } from './campaigns';
import { importsCommands } from './imports';
import { automationsCommands } from './automations';

const Invitation = z
  .object({
    email: Email,
    name: PersonName,
    role: AccountRole,
    /** The stores a store manager manages (none for an owner: the whole chain). */
    storeIds: z.array(Id()).max(500).default([]),
  })
  .superRefine((input, ctx) => {
    if (input.role === 'store_manager' && input.storeIds.length === 0)
      ctx.addIssue(issueSaying(msg('backoffice.input.storesNeeded'), ['storeIds']));
    if (input.role === 'owner' && input.storeIds.length > 0)
      ctx.addIssue(issueSaying(msg('backoffice.input.ownerHasNoStores'), ['storeIds']));
  });

const SetPassword = z.object({ token: LinkToken, password: NewPassword });

export const BO_COMMANDS = {
  /** Who is signed in, their chain and stores, and the CSRF token (401 not_signed_in without a session). */
  'session.get': boCommand({
    input: z.object({}),
    output: returns<BoSession>(),
    role: 'store_manager',
    scope: 'self',
    access: 'read',
    csrf: false,
  }),

  /** E-mail and password; answers the session (its cookie is set) or login_failed / throttled. */
  'session.logIn': boCommand({
    input: z.object({ email: Email, password: TypedPassword }),
    output: returns<BoSession>(),
    role: 'none',
    scope: 'public',
    access: 'write',
  }),

  'session.logOut': boCommand({
    input: z.object({}),
    output: returns<{ ok: true }>(),
    role: 'store_manager',
    scope: 'self',
    access: 'write',
  }),

  /**
   * An owner invites an owner or a store manager (of chosen stores): an account
   * without a password and a one-time link (7 days) to set it, answered to pass on.
   */
  'account.invite': boCommand({
    input: Invitation,
    output: returns<BoInvitation>(),
    role: 'owner',
    scope: 'chain',
    access: 'write',
  }),

  /** What a one-time link is for and whose it is (the set-password page greets them). */
  'link.inspect': boCommand({
    input: z.object({ token: LinkToken }),
    output: returns<BoLinkInfo>(),
    role: 'none',
    scope: 'public',
    access: 'read',
  }),

  /** Sets the invited account's password through its link; then they log in. */
  'account.acceptInvite': boCommand({
    input: SetPassword,
    output: returns<{ email: string }>(),
    role: 'none',
    scope: 'public',
    access: 'write',
  }),

  /** Asks for a reset link by e-mail; answers the same whether or not an account has the address. */
  'password.requestReset': boCommand({
    input: z.object({ email: Email }),
    output: returns<{ ok: true }>(),
    role: 'none',
    scope: 'public',
    access: 'write',
  }),

  /** Sets a new password through a reset link; every session of the account ends. */
  'password.reset': boCommand({
    input: SetPassword,
    output: returns<{ email: string }>(),
    role: 'none',
    scope: 'public',
    access: 'write',
  }),

  /** The stores the account reaches, their store codes and their tills (last seen, active). */
  'stores.list': boCommand({
    input: z.object({}),
    output: returns<BoStore[]>(),
    role: 'store_manager',
    scope: 'stores',
    access: 'read',
  }),

  /** Revokes a till's token (stolen, retired): it is refused from now on and works offline. */
  'terminals.revoke': boCommand({
    input: z.object({ terminalId: Id() }),
    output: returns<{ terminalId: string; revokedTokens: number }>(),
    role: 'store_manager',
    scope: 'stores',
    access: 'write',
  }),

  /** The chain's staff (from the tills' staff saves and log-ins) at the stores the account reaches. */
  'staff.list': boCommand({
    input: z.object({}),
    output: returns<BoStaffMember[]>(),
    role: 'store_manager',
    scope: 'stores',
    access: 'read',
  }),
  ...programmeCommands,
  ...productsCommands,
  ...conflictsCommands,
  ...membersCommands,
  ...mergeCommands,
  ...storesCommands,
  ...reportsCommands,
  ...calculatorCommands,
  ...segmentsCommands,
  ...campaignsCommands,
  ...importsCommands,
  ...automationsCommands,
} as const;

export type BoCommands = typeof BO_COMMANDS;
export type BoCommandName = keyof BoCommands;
export const BO_COMMAND_NAMES = Object.keys(BO_COMMANDS) as BoCommandName[];

type OutputOf<R> = R extends { output: Returns<infer O> } ? O : never;

export type BoOutputs = { [N in BoCommandName]: OutputOf<BoCommands[N]> };
export type BoInput<N extends BoCommandName> = z.input<BoCommands[N]['input']>;
export type BoParsedInput<N extends BoCommandName> = z.output<BoCommands[N]['input']>;
export type BoScopeOf<N extends BoCommandName> = BoCommands[N]['scope'];

/**
 * The rules every declaration keeps, checked when this module loads (the
 * cloud does not start, the page does not load, with a declaration that breaks
 * them): public ⇔ no role; the chain's accounts are the owners' alone.
 */
function checkDeclarations(
  commands: Record<string, BoCommandDefinition<z.ZodType, unknown, BoScope>>,
) {
  for (const [name, c] of Object.entries(commands)) {
    if ((c.scope === 'public') !== (c.role === 'none'))
      throw new Error(`back-office command ${name}: a public command is one that needs no role`);
    if (c.scope === 'chain' && c.role !== 'owner')
      throw new Error(`back-office command ${name}: the chain as a whole is the owners' alone`);
    if (c.csrf === false && c.access !== 'read')
      throw new Error(
        `back-office command ${name}: only a reading command goes without the CSRF token`,
      );
  }
}
checkDeclarations(BO_COMMANDS);

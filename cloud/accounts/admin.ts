/**
 * What the cloud's command line does with accounts (cloud/main.ts), also
 * called by tests and the demo: the chain's first owner, and a password reset
 * link while the cloud sends no e-mail.
 */
import type { z } from 'zod';
import { Email, NewPassword, PersonName } from '../../src/contract/backoffice/schemas';
import { englishOf, saidText } from '../../src/core/schema-messages';
import type { Database } from '../db/database';
import {
  accountById,
  accountForLogin,
  createAccount,
  ensureChainNamed,
  setPasswordHash,
} from './accounts';
import type { Account } from './accounts';
import { issueLink } from './links';
import type { IssuedLink } from './links';
import { hashPassword } from './passwords';
import type { ScryptCost } from './passwords';
import { endAllSessions } from './sessions';

/** A value the command line was given that the back office's own form would refuse. */
function checked<S extends z.ZodType>(schema: S, value: string, flag: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const said = saidText(issue);
  throw new RangeError(`${flag}: ${said ? englishOf(said) : issue.message}`);
}

export interface AddedOwner {
  account: Account;
  chainCreated: boolean;
  /** The one-time link's token (the caller makes the link with `linkUrl`). */
  link: IssuedLink;
}

/**
 * The chain's owner (the chain is made when there is none of that name), with
 * a one-time link to set the password. Run again for the same address before
 * the password is set, it gives a new link (the old one stops working).
 */
export async function addOwner(
  db: Database,
  input: { chain: string; email: string; name: string },
  now: number,
): Promise<AddedOwner> {
  const email = checked(Email, input.email, '--email');
  const name = checked(PersonName, input.name, '--name');
  const chain = await ensureChainNamed(db, input.chain, now);
  const { accountId, link } = await db.transaction(async (tx) => {
    const id = await createAccount(
      tx,
      { chainId: chain.chainId, email, name, role: 'owner', storeIds: [], invitedBy: null },
      now,
    );
    return { accountId: id, link: await issueLink(tx, id, 'invite', now) };
  });
  const account = await accountById(db, accountId);
  return { account: account!, chainCreated: chain.created, link };
}

/** The password as the back office's form would take it; a RangeError saying why not. */
export function checkNewPassword(password: string): string {
  return checked(NewPassword, password, 'the password');
}

/** Sets an account's password without a link (the command line's --password-stdin). */
export async function setPassword(
  db: Database,
  accountId: string,
  password: string,
  now: number,
  cost?: ScryptCost,
): Promise<void> {
  const checkedPassword = checkNewPassword(password);
  const hash = await hashPassword(checkedPassword, cost);
  await db.transaction(async (tx) => {
    await setPasswordHash(tx, accountId, hash);
    await tx.query(
      'UPDATE account_links SET used_at = $2 WHERE account_id = $1 AND used_at IS NULL',
      [accountId, now],
    );
    await endAllSessions(tx, accountId, now);
  });
}

/** A password reset link for the account of this address; a RangeError when there is none. */
export async function resetLinkFor(
  db: Database,
  email: string,
  now: number,
): Promise<{ account: Account; link: IssuedLink }> {
  const folded = checked(Email, email, '--email');
  const found = await accountForLogin(db, folded);
  if (!found) throw new RangeError(`no account has the e-mail address ${folded}`);
  if (found.account.disabled)
    throw new RangeError(`the account of ${folded} is disabled; an owner enables it first`);
  const link = await db.transaction((tx) => issueLink(tx, found.account.accountId, 'reset', now));
  return { account: found.account, link };
}

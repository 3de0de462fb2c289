/**
 * What a back-office handler is given. A public command's handler (the log-in,
 * the one-time links) gets no account; every other handler gets the session's
 * account and its `Scope` (cloud/backoffice/scope.ts): the chain and stores it
 * reaches come from there, never from the command's input.
 */
import type { Account } from '../accounts/accounts';
import type { LoginGate } from '../accounts/login';
import type { ScryptCost } from '../accounts/passwords';
import type { StartedSession } from '../accounts/sessions';
import type { Database } from '../db/database';
import type { Scope } from './scope';

/** A one-time link to deliver to its person (e-mail, once the messaging issue brings SMTP). */
export interface AccountLinkMessage {
  purpose: 'invite' | 'reset';
  email: string;
  name: string;
  chainName: string;
  /** The link itself: a secret, for its person only (never logged). */
  url: string;
  expiresAt: number;
}

export type DeliverAccountLink = (message: AccountLinkMessage) => void | Promise<void>;

export interface BackofficeServices {
  db: Database;
  gate: LoginGate;
  passwordCost: ScryptCost;
  /** The origin people open the back office at (links are made under it). */
  publicUrl(): string;
  /**
   * Delivers reset links asked for on the log-in page; null while the cloud
   * sends no e-mail (a request is then only noted in the server's log, and the
   * operator prints a link with `npm run cloud -- reset-password`).
   */
  deliverLink: DeliverAccountLink | null;
  /** The channels the cloud has a provider for (campaign.send refuses the others); none when absent. */
  messagingChannels?: () => { sms: boolean; email: boolean };
  /** The member page's secret (LOJAL_MEMBER_PAGE_SECRET); absent: the one kept in the database. */
  memberPageSecret?: () => Promise<string>;
}

/** What the transport does with the browser's session cookie after the command. */
export interface SessionCookie {
  open(session: StartedSession): void;
  close(): void;
}

export interface PublicContext {
  services: BackofficeServices;
  db: Database;
  now: number;
  /** The client's address (throttles). */
  clientAddress: string;
  cookie: SessionCookie;
}

export interface SignedContext {
  services: BackofficeServices;
  db: Database;
  now: number;
  account: Account;
  scope: Scope;
  /** The session's id (as its cookie holds it) and its absolute end. */
  session: { id: string; expiresAt: number };
  cookie: SessionCookie;
}

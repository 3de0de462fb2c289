/** What the back office's commands answer (./commands.ts). */
import type { AccountRole } from './schemas';

export interface BoAccount {
  accountId: string;
  email: string;
  name: string;
  role: AccountRole;
}

export interface BoStoreRef {
  storeId: string;
  name: string;
}

export interface BoSession {
  account: BoAccount;
  chain: { chainId: string; name: string };
  /** The stores this account reaches: every store of the chain for an owner. */
  stores: BoStoreRef[];
  /** Sent back in the `x-lojal-csrf` header with every other command. */
  csrfToken: string;
  /** The session's absolute end (it ends sooner after an hour unused). */
  expiresAt: number;
}

export interface BoTerminal {
  terminalId: string;
  name: string;
  pairedAt: number;
  /** Its last push or pull; null when never seen since pairing. */
  lastSeenAt: number | null;
  /** Holds a token the cloud takes (false once revoked or unpaired). */
  active: boolean;
}

export interface BoStore extends BoStoreRef {
  /** As shown to people: `XXXX-XXXX`; typed at a till to pair it. */
  storeCode: string;
  terminals: BoTerminal[];
}

export interface BoStaffMember {
  staffId: string;
  name: string;
  role: 'cashier' | 'manager';
  active: boolean;
  /** When first saved, and at which store (null: not at a store of this chain). */
  addedAt: number;
  addedAtStoreId: string | null;
  /** The stores this account reaches where they were added or logged in, with the last log-in there. */
  stores: Array<{ storeId: string; lastLoginAt: number | null }>;
}

export interface BoInvitation {
  accountId: string;
  email: string;
  /** The one-time link to pass on (no e-mail is sent yet); valid once, until `expiresAt`. */
  link: string;
  expiresAt: number;
}

export interface BoLinkInfo {
  purpose: 'invite' | 'reset';
  email: string;
  name: string;
  chainName: string;
  expiresAt: number;
}

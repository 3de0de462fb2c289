/** The types commands answer with and the session they run in. */
import type { z } from 'zod';
import type { Product } from '../../core/catalogue';
import type { PaymentMethod } from '../../core/events';
import type { Evaluation } from '../../core/basket-types';
import type { MemberView } from '../../core/member-types';
import type { Locale, Msg, Shown, Text } from '../../core/i18n';

/** What a member verification gives a session (src/service/verifications.ts). */
export interface Verification {
  /** Opaque; send it as the basket's `verification`. */
  token: string;
  expiresAt: number;
}

/**
 * anonymous (no log-in: no rights, only the commands that need no session) <
 * cashier < manager; `system` is the local integration API token (host POS, scripts).
 */
export type Role = 'anonymous' | 'cashier' | 'manager' | 'system';

export interface Session {
  role: Role;
  staffId: string | null;
}

/** A member as the cashier sees them: first name, tier, balances; no full personal data. */
export interface MemberSummary {
  memberId: string;
  memberNumber: string;
  firstName: string | null;
  phoneMasked: string;
  tierName: Text | null;
  pointsBalance: number;
}

/** Full member view; personal fields masked unless the session is a manager. */
export type MemberDetail = MemberView & { masked: boolean };

/**
 * One thing in a member's history. Reasons are what the till said then (a
 * sale's stored reasons: `{nb, en, sv?, said?}`) or a catalogue message.
 * `saleId` links an entry to the sale that caused it. No personal data: a
 * profile change names the fields it changed, never their values.
 */
export type HistoryEntry =
  | {
      kind: 'sale';
      at: number;
      saleId: string;
      receiptNo: string;
      totalOre: number;
      voided: boolean;
      returnedOre: number;
      benefits: Array<{ reason: Shown; amountOre: number }>;
    }
  | { kind: 'sale_voided'; at: number; saleId: string; receiptNo: string }
  | { kind: 'sale_returned'; at: number; saleId: string; receiptNo: string; refundOre: number }
  | { kind: 'points'; at: number; points: number; reason: Shown; saleId: string | null }
  | {
      kind: 'stamps';
      at: number;
      cardId: string;
      cardName: Text | null;
      count: number;
      saleId: string | null;
    }
  | {
      kind: 'coupon';
      at: number;
      couponId: string;
      state: 'issued' | 'used' | 'expired';
      reason: Shown;
      saleId: string | null;
    }
  | { kind: 'consent'; at: number; channel: 'sms' | 'email'; granted: boolean }
  | { kind: 'enrolled'; at: number }
  | { kind: 'profile'; at: number; fields: string[] }
  | { kind: 'pin_set'; at: number };

/** A member's history, newest first (member.history). */
export interface MemberHistory {
  memberId: string;
  entries: HistoryEntry[];
  /** Older entries exist beyond the limit. */
  more: boolean;
}

export interface SaleRecord {
  saleId: string;
  receiptNo: string;
  at: number;
  memberId: string | null;
  paymentMethod: z.infer<typeof PaymentMethod>;
  evaluation: Evaluation;
  voided: boolean;
  returnedOre: number;
  staffId: string | null;
}

export type ScanResult =
  | {
      kind: 'member';
      member: MemberSummary;
      via: 'member_number' | 'qr';
      /** Given by `scan.classify` to the session that scanned (not in scan notifications). */
      verification?: Verification;
    }
  | { kind: 'product'; product: Product }
  | { kind: 'coupon'; couponCode: string; campaignId: string }
  | { kind: 'rejected'; reason: Shown; code: string };

export interface StaffSummary {
  staffId: string;
  name: string;
  role: 'cashier' | 'manager';
}

/** A staff member as the staff screen shows them (managers only). */
export interface StaffDetail extends StaffSummary {
  /** A disabled staff member cannot log in at any till of the chain. */
  active: boolean;
  /**
   * Demo staff (public PINs in the README) live on this till only: they are never
   * sent to the chain's cloud, so their PINs open no other till.
   */
  chainWide: boolean;
  /** Their newest log-in at any till of the chain that this till has heard of. */
  lastLoginAt: number | null;
  /** The till of that log-in (its terminal id), when known. */
  lastLoginTerminalId: string | null;
  createdAt: number;
}

/** What a till on an empty store offers at first run (`setup.status`). */
export interface SetupStatus {
  /** True while the till has no staff member who can log in: the first run is shown. */
  needed: boolean;
  /** Already paired with a chain (then the first run asks for the first manager only). */
  paired: boolean;
  templates: Array<{ id: string; name: Text; products: number }>;
}

/** `setup.start`'s answer: logged in as the new manager, or told to log in with the chain's PIN. */
export type SetupResult =
  | ({ loggedIn: true } & StaffSummary & { sessionToken: string; deviceToken: string })
  | {
      loggedIn: false;
      /** Paired with a chain that has staff already: its managers and cashiers log in as there. */
      chainName: string;
      staff: number;
    };

export interface ErrorBody {
  code: string;
  /** English, for API clients and logs. */
  message: string;
  field: string | null;
  /** What went wrong and what to do, for the cashier, rendered in every language (for API clients). */
  text: Record<Locale, string>;
  /** The same as a catalogue message: the UI renders it in its own language. */
  said?: Msg;
}

/**
 * The till's one API: command name → input schema, output type, and the role
 * needed. Electron IPC, browser-mode /rpc, the /api/v1 REST routes and the tests
 * all go through TillService.call with these names. Part of the contract
 * (src/contract): zod and src/core only, so the UI may import the schemas by
 * value (a form judged by the schema the service will judge it by).
 */
import { z } from 'zod';
import { Programme } from '../core/programme';
import { Catalogue } from '../core/catalogue';
import type { Product } from '../core/catalogue';
import { Gender, PaymentMethod } from '../core/events';
import type { Evaluation } from '../core/basket-types';
import type { MemberView } from '../core/member-types';
import { text } from '../core/i18n';
import type { Locale, Msg, Text } from '../core/i18n';
import { boundedId, boundedText, isWellFormedText, LIMITS } from '../core/limits';
import { says } from '../core/schema-messages';
import { PrinterSettingsInput, ReceiptHeaderInput, ScannerSettingsInput } from './devices';
import type { PairingInfo, SyncConflicts, SyncReport, SyncStatus, UnpairInfo } from './sync';
import type { DevicesStatus, PortList, PrintJobSummary, PrintList, ReceiptHeader } from './devices';

/** What a member verification gives a session (src/service/verifications.ts). */
export interface Verification {
  /** Opaque; send it as the basket's `verification`. */
  token: string;
  expiresAt: number;
}

/** cashier < manager; `system` is the local integration API token (host POS, scripts). */
export type Role = 'cashier' | 'manager' | 'system';

export interface Session {
  role: Role;
  staffId: string | null;
}

/** A PIN (staff or member) as the schemas check it. */
const STAFF_PIN = says(text('En PIN-kode er 4 til 8 sifre.', 'a PIN is 4 to 8 digits'));
const MEMBER_PIN = says(
  text('Medlemmets PIN-kode er 4 til 8 sifre.', 'a member PIN is 4 to 8 digits'),
);

/**
 * What the till takes in, it can store and send: every id and text bounded and
 * well-formed, every figure within LIMITS (src/core/limits.ts), so the cloud
 * never refuses an event the till committed.
 */
const WELL_FORMED = says(
  text(
    'Teksten inneholder tegn som ikke kan lagres (NUL eller ugyldig Unicode). Skriv den på nytt.',
    'the text holds a NUL or a lone surrogate; type it again',
  ),
);

/** Typed text: trimmed, at most `max` characters, well-formed. */
const typed = (max: number) => z.string().trim().max(max).refine(isWellFormedText, WELL_FORMED);

const BasketLine = z.object({
  sku: boundedId(),
  quantity: z.number().int().positive().max(LIMITS.maxLineQuantity),
  /** Optional client id for the line; generated when missing. */
  lineId: boundedId().optional(),
});

const Selections = z
  .object({
    couponIds: z.array(boundedId()).max(LIMITS.maxBasketLines).default([]),
    rewardIds: z.array(boundedId()).max(LIMITS.maxBasketLines).default([]),
    pointsToRedeem: z.number().int().nonnegative().max(LIMITS.maxPoints).default(0),
    cashbackToRedeemOre: z.number().int().nonnegative().max(LIMITS.maxBasketOre).default(0),
    useTierOnce: z.boolean().default(false),
  })
  .default({
    couponIds: [],
    rewardIds: [],
    pointsToRedeem: 0,
    cashbackToRedeemOre: 0,
    useTierOnce: false,
  });

const BasketInput = z.object({
  lines: z.array(BasketLine).max(LIMITS.maxBasketLines),
  memberId: boundedId().nullable().default(null),
  /**
   * The verification the service gave this session for this member (a card/QR
   * lookup or scan, a right member PIN): see src/service/verifications.ts.
   */
  verification: z.string().min(1).max(100).optional(),
  /** Accepted for old clients and ignored: only the service's verification counts. */
  verified: z.boolean().default(false),
  /** A member PIN typed to verify a phone-only lookup. */
  memberPin: z
    .string()
    .regex(/^\d{4,8}$/, MEMBER_PIN)
    .optional(),
  selections: Selections,
});

const ProfileInput = z.object({
  firstName: typed(80).optional(),
  lastName: typed(80).optional(),
  email: z
    .string()
    .trim()
    .email(says(text('E-postadressen er ikke gyldig.', 'not an e-mail address')))
    .max(254)
    .optional(),
  birthDate: z
    .string()
    .regex(
      /^\d{4}-\d{2}-\d{2}$/,
      says(
        text(
          'Fødselsdatoen er ikke en gyldig dato: skriv dd.mm.åååå eller ÅÅÅÅ-MM-DD.',
          'birth date is YYYY-MM-DD',
        ),
      ),
    )
    .optional(),
  postalCode: z
    .string()
    .regex(
      /^\d{4}$/,
      says(text('Et norsk postnummer har 4 sifre.', 'Norwegian postal codes are 4 digits')),
    )
    .optional(),
  gender: Gender.optional(),
});

export const CommandInputs = {
  'session.login': z.object({
    pin: z.string().regex(/^\d{4,8}$/, STAFF_PIN),
    /** The token an earlier log-in gave this device: its wrong PINs are counted apart. */
    deviceToken: z.string().min(1).max(100).optional(),
    /**
     * The staff member who chose their name first (from `staff.names`): the PIN is
     * checked against them alone, and a wrong one counts against them too.
     */
    staffId: boundedId().optional(),
  }),
  'session.logout': z.object({}),
  'staff.names': z.object({}),
  'staff.list': z.object({}),
  'staff.save': z.object({
    staffId: boundedId().optional(),
    name: boundedText(80).min(1),
    role: z.enum(['cashier', 'manager']),
    pin: z.string().regex(/^\d{4,8}$/, STAFF_PIN),
  }),
  'member.enrol': z.object({
    phone: boundedText(LIMITS.maxIdLength).min(
      1,
      says(text('Skriv inn mobilnummeret.', 'a phone number is needed')),
    ),
    acceptTerms: z.literal(true, {
      message: says(
        text(
          'Kunden må godta medlemsvilkårene for å bli medlem.',
          'the member must accept the membership terms',
        ),
      ),
    }),
    consents: z
      .object({ sms: z.boolean().default(false), email: z.boolean().default(false) })
      .default({ sms: false, email: false }),
    profile: ProfileInput.default({}),
    /** A referrer's member number, QR token or phone number. */
    referral: typed(LIMITS.maxIdLength).min(1).optional(),
    memberPin: z
      .string()
      .regex(/^\d{4,8}$/, MEMBER_PIN)
      .optional(),
  }),
  /** Phone (any Norwegian form), member number (EAN-13) or QR token. */
  'member.lookup': z.object({
    query: typed(LIMITS.maxIdLength).min(
      1,
      says(text('Tast mobilnummeret eller skann kortet.', 'type a phone number or scan a card')),
    ),
  }),
  /** By name: manager only. */
  'member.search': z.object({
    name: typed(LIMITS.maxIdLength).min(2),
    limit: z.number().int().positive().max(50).default(20),
  }),
  'member.get': z.object({ memberId: boundedId() }),
  'member.update': z.object({
    memberId: boundedId(),
    profile: ProfileInput,
    phone: boundedText(LIMITS.maxIdLength).optional(),
  }),
  'member.consent': z.object({
    memberId: boundedId(),
    channel: z.enum(['sms', 'email']),
    granted: z.boolean(),
  }),
  'member.setPin': z.object({
    memberId: boundedId(),
    memberPin: z.string().regex(/^\d{4,8}$/, MEMBER_PIN),
    /** The member's PIN now: a cashier changes a PIN only with it (a manager resets without). */
    oldPin: z
      .string()
      .regex(/^\d{4,8}$/, MEMBER_PIN)
      .optional(),
  }),
  /** The member types their PIN: answers a verification for this session. */
  'member.verifyPin': z.object({
    memberId: boundedId(),
    memberPin: z.string().regex(/^\d{4,8}$/, MEMBER_PIN),
  }),
  'member.buyCoupon': z.object({ memberId: boundedId(), offerId: boundedId() }),
  'member.awardAction': z.object({ memberId: boundedId(), actionId: boundedId() }),
  'member.export': z.object({ memberId: boundedId() }),
  'member.erase': z.object({
    memberId: boundedId(),
    confirm: z.literal(true, {
      message: says(text('Bekreft slettingen: den kan ikke angres.', 'confirm the erasure')),
    }),
  }),
  'basket.evaluate': BasketInput,
  'sale.commit': BasketInput.extend({
    idempotencyKey: boundedId().min(8),
    paymentMethod: PaymentMethod,
  }),
  'sale.void': z.object({
    saleId: boundedId(),
    reason: typed(LIMITS.maxTextLength).min(
      1,
      says(text('Skriv en årsak til annulleringen.', 'give a reason')),
    ),
  }),
  'sale.return': z.object({
    saleId: boundedId(),
    lines: z
      .array(
        z.object({
          lineId: boundedId(),
          quantity: z.number().int().positive().max(LIMITS.maxLineQuantity),
        }),
      )
      .min(1)
      .max(LIMITS.maxBasketLines),
  }),
  'sale.get': z.object({ saleId: boundedId() }),
  'sale.recent': z.object({ limit: z.number().int().positive().max(100).default(20) }),
  'programme.get': z.object({}),
  'programme.save': z.object({ programme: Programme }),
  'programme.templates': z.object({}),
  'catalogue.get': z.object({}),
  'catalogue.save': z.object({ products: Catalogue }),
  'product.search': z.object({
    query: typed(LIMITS.maxIdLength).min(1),
    limit: z.number().int().positive().max(50).default(20),
  }),
  'product.byBarcode': z.object({ barcode: typed(LIMITS.maxIdLength).min(1) }),
  /** Classify a scanned code and act on it (member, product, coupon). */
  'scan.classify': z.object({ code: boundedText(LIMITS.maxTextLength) }),
  'status.get': z.object({}),
  /** Scanner and printer: configuration, where it came from (env or settings), state, queue. */
  'devices.get': z.object({}),
  /** Set (or remove with null) the scanner and/or the printer; restarts what changed. */
  'devices.save': z.object({
    scanner: ScannerSettingsInput.nullable().optional(),
    printer: PrinterSettingsInput.nullable().optional(),
  }),
  'devices.listPorts': z.object({}),
  'printer.test': z.object({}),
  /** `waiting`: receipts not printed yet (the "receipt waiting" indicator). */
  'print.list': z.object({
    status: z.enum(['waiting', 'printed', 'all']).default('waiting'),
    limit: z.number().int().positive().max(200).default(50),
  }),
  /** Send a failed job again / try a waiting one now; without jobId, every waiting job. */
  'print.retry': z.object({ jobId: boundedId().optional() }),
  /** A copy of a sale's receipt, marked KOPI. */
  'sale.reprint': z.object({ saleId: boundedId() }),
  'receiptHeader.get': z.object({}),
  'receiptHeader.save': ReceiptHeaderInput,
  /** Sync: state, events waiting, last sync, last error, events refused and why, the cloud (no token). */
  'sync.status': z.object({}),
  /** Pair with the chain's cloud by its address and a store code (a paired till pairs again as itself). */
  'sync.pair': z.object({
    cloudUrl: typed(500).min(
      1,
      says(text('Skriv inn adressen til skyen.', 'type the cloud address')),
    ),
    storeCode: typed(32).min(
      1,
      says(text('Skriv inn butikkoden fra kjeden.', 'type the store code')),
    ),
    /** How the till is listed in the cloud; default the machine's name. */
    terminalName: typed(80).min(1).optional(),
  }),
  /** Forget the pairing; refused while events wait for the cloud unless `force`. */
  'sync.unpair': z.object({ force: z.boolean().default(false) }),
  /** Push and pull now; answers the report (a failure is in it, not thrown). */
  'sync.now': z.object({}),
  /** The cloud's conflicts for the chain and this till's own (duplicate phones and member numbers). */
  'sync.conflicts': z.object({}),
} as const;

export type CommandName = keyof typeof CommandInputs;
export type CommandInput<N extends CommandName> = z.input<(typeof CommandInputs)[N]>;
export type ParsedInput<N extends CommandName> = z.output<(typeof CommandInputs)[N]>;

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
  | { kind: 'rejected'; reason: Text; code: string };

export interface StaffSummary {
  staffId: string;
  name: string;
  role: 'cashier' | 'manager';
}

export interface CommandOutputs {
  'session.login': StaffSummary & {
    sessionToken: string;
    /** Send it with this device's next log-ins (see `session.login`'s input). */
    deviceToken: string;
  };
  'session.logout': { ok: true };
  /** For the log-in screen, before anyone is logged in: ids and names only. */
  'staff.names': Array<Pick<StaffSummary, 'staffId' | 'name'>>;
  'staff.list': StaffSummary[];
  'staff.save': StaffSummary;
  /** A member enrolled now is at the counter: `verification` is given when `created`. */
  'member.enrol': { member: MemberDetail; created: boolean; verification?: Verification };
  'member.lookup': {
    member: MemberSummary | null;
    via: 'phone' | 'member_number' | 'qr' | null;
    /** Given for a member found by card or QR (not by phone). */
    verification?: Verification;
    remote?: boolean;
    /**
     * Other live members share the phone, member number or QR token that was
     * looked up (two offline or unpaired tills, or a faulty one): `member` is
     * the earliest enrolment, and `memberIds` lists them all, earliest first.
     * Also in `sync.conflicts`.
     */
    clash?: {
      kind: 'duplicate_phone' | 'duplicate_member_number' | 'duplicate_qr_token';
      memberIds: string[];
    };
  };
  'member.search': MemberSummary[];
  'member.get': MemberDetail;
  'member.update': MemberDetail;
  'member.consent': MemberDetail;
  'member.setPin': { ok: true };
  'member.verifyPin': { verification: Verification };
  'member.buyCoupon': { couponId: string; member: MemberDetail };
  'member.awardAction': MemberDetail;
  'member.export': Record<string, unknown>;
  'member.erase': { erased: true; memberId: string };
  'basket.evaluate': Evaluation;
  'sale.commit': SaleRecord & { duplicate: boolean };
  'sale.void': SaleRecord;
  'sale.return': SaleRecord & { refundOre: number };
  'sale.get': SaleRecord;
  'sale.recent': SaleRecord[];
  'programme.get': Programme;
  'programme.save': Programme;
  'programme.templates': Array<{
    id: string;
    name: Text;
    programme: Programme;
    catalogue: Product[];
  }>;
  'catalogue.get': Product[];
  'catalogue.save': Product[];
  'product.search': Product[];
  'product.byBarcode': Product | null;
  'scan.classify': ScanResult;
  'status.get': {
    storeName: string;
    terminalId: string;
    sync: { state: 'online' | 'offline' | 'unpaired'; pending: number; lastSyncAt: number | null };
    devices: DevicesStatus;
  };
  'devices.get': DevicesStatus;
  'devices.save': DevicesStatus;
  'devices.listPorts': PortList;
  'printer.test': PrintJobSummary;
  'print.list': PrintList;
  'print.retry': { retried: number };
  'sale.reprint': PrintJobSummary;
  'receiptHeader.get': ReceiptHeader;
  'receiptHeader.save': ReceiptHeader;
  'sync.status': SyncStatus;
  'sync.pair': PairingInfo;
  'sync.unpair': UnpairInfo;
  'sync.now': SyncReport;
  'sync.conflicts': SyncConflicts;
}

/** Who may run each command. `system` may run everything. */
export const CommandRoles: Record<CommandName, 'none' | 'cashier' | 'manager'> = {
  'session.login': 'none',
  'session.logout': 'none',
  'staff.names': 'none',
  'staff.list': 'manager',
  'staff.save': 'manager',
  'member.enrol': 'cashier',
  'member.lookup': 'cashier',
  'member.search': 'manager',
  'member.get': 'cashier',
  'member.update': 'manager',
  'member.consent': 'cashier',
  'member.setPin': 'cashier',
  'member.verifyPin': 'cashier',
  'member.buyCoupon': 'cashier',
  'member.awardAction': 'manager',
  'member.export': 'manager',
  'member.erase': 'manager',
  'basket.evaluate': 'cashier',
  'sale.commit': 'cashier',
  'sale.void': 'manager',
  'sale.return': 'manager',
  'sale.get': 'cashier',
  'sale.recent': 'cashier',
  'programme.get': 'cashier',
  'programme.save': 'manager',
  'programme.templates': 'manager',
  'catalogue.get': 'cashier',
  'catalogue.save': 'manager',
  'product.search': 'cashier',
  'product.byBarcode': 'cashier',
  'scan.classify': 'cashier',
  'status.get': 'none',
  'devices.get': 'cashier',
  'devices.save': 'manager',
  'devices.listPorts': 'manager',
  'printer.test': 'cashier',
  'print.list': 'cashier',
  'print.retry': 'cashier',
  'sale.reprint': 'cashier',
  'receiptHeader.get': 'cashier',
  'receiptHeader.save': 'manager',
  'sync.status': 'cashier',
  'sync.pair': 'manager',
  'sync.unpair': 'manager',
  'sync.now': 'cashier',
  'sync.conflicts': 'manager',
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

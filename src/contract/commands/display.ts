/**
 * The customer-facing display (SPEC: "Customer-facing display"): what the till
 * shows the customer on a second screen. The till builds it from its basket
 * (src/ui/display/display-state.ts) and publishes it with `display.show`; the
 * service pushes it (a `display` notification) to the browser-mode host's
 * `/ws/display` channel and the desktop shell's display window, which keep the
 * latest (src/host/display-socket.ts).
 *
 * The state holds only what the customer is shown over the counter: product
 * names, quantities and amounts, the total and savings, the member's FIRST
 * name, their stamps and the points this sale earns. No member id, number,
 * phone, surname, balance or anything else about them: every object is
 * strict, so a field the till (or anyone calling the command) adds is
 * refused, not passed on.
 */
import { z } from 'zod';
import { LOCALES, msg } from '../../core/i18n';
import { says } from '../../core/schema-messages';
import type { Locale } from '../../core/i18n';
import { boundedText, LIMITS } from '../../core/limits';
import { command, returns } from './define';

const ore = z.number().int().min(-LIMITS.maxBasketOre).max(LIMITS.maxBasketOre);
const count = (max: number) => z.number().int().min(0).max(max);

/** A name a store wrote (a punch card's), in its languages. */
const StoreText = z.strictObject({
  nb: boundedText(120),
  en: boundedText(120),
  sv: boundedText(120).optional(),
});

export const DisplayLine = z.strictObject({
  name: boundedText(120),
  quantity: z.number().int().positive().max(LIMITS.maxLineQuantity),
  /** What the line costs after every benefit. */
  amountOre: ore,
  /** quantity × the normal price (struck through when more than amountOre). */
  listOre: ore,
});

/** A discount as the customer reads it, in the till's language ("Gull 15 %"). */
export const DisplayDiscount = z.strictObject({
  label: boundedText(200),
  amountOre: ore,
});

/** One punch card this sale stamps: `filled` circles of `needed`, the last `fresh` of them new. */
export const DisplayCard = z
  .strictObject({
    name: StoreText,
    needed: z.number().int().positive().max(100),
    filled: count(100),
    fresh: count(100),
    /** This sale fills the card: its reward is the member's. */
    full: z.boolean(),
  })
  .refine(
    (card) => card.filled <= card.needed && card.fresh <= card.filled,
    says(msg('contract.displayStamps')),
  );

export const DisplayMember = z.strictObject({
  /** The first name only, as the member gave it; null when they gave none. */
  firstName: boundedText(80).nullable(),
  pointsEarned: count(LIMITS.maxPoints),
  cards: z.array(DisplayCard).max(20),
});

export const DISPLAY_PHASES = ['idle', 'sale', 'paid'] as const;

export const DisplayState = z.strictObject({
  /** idle: no customer; sale: a basket or a member; paid: the sale is done ("Takk!"). */
  phase: z.enum(DISPLAY_PHASES),
  /** The till's language of the moment. */
  language: z.enum(LOCALES as readonly [Locale, ...Locale[]]),
  storeName: boundedText(120),
  lines: z.array(DisplayLine).max(LIMITS.maxBasketLines),
  discounts: z.array(DisplayDiscount).max(50),
  savedOre: ore,
  totalOre: ore,
  member: DisplayMember.nullable(),
  /**
   * Where a customer who is not a member joins (the member's page): shown as a
   * QR code while no member is attached. Unset until that page exists.
   */
  joinUrl: z
    .string()
    .max(300)
    .regex(/^https?:\/\/[^\s]+$/)
    .nullable(),
});

export type DisplayLine = z.infer<typeof DisplayLine>;
export type DisplayDiscount = z.infer<typeof DisplayDiscount>;
export type DisplayCard = z.infer<typeof DisplayCard>;
export type DisplayMember = z.infer<typeof DisplayMember>;
export type DisplayState = z.infer<typeof DisplayState>;
export type DisplayPhase = DisplayState['phase'];

/** No customer: the store's name and a welcome. */
export function idleDisplay(
  storeName: string,
  language: Locale = 'nb',
  joinUrl: string | null = null,
): DisplayState {
  return {
    phase: 'idle',
    language,
    storeName,
    lines: [],
    discounts: [],
    savedOre: 0,
    totalOre: 0,
    member: null,
    joinUrl,
  };
}

export const displayCommands = {
  /**
   * The till publishes what its customer display shows now. Fire and forget:
   * the till sends it on every change of its basket (coalesced) and every
   * little while, and never waits for it.
   */
  'display.show': command({
    input: DisplayState,
    output: returns<{ ok: true }>(),
    role: 'cashier',
    access: 'write',
  }),
};

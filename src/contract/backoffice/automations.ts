/**
 * Automatic messages in the back office ("Automatiske meldinger", issue 17
 * point 3): a birthday greeting naming the programme's birthday coupon, a
 * warning 30 days before points expire, a word when a punch-card reward is
 * ready, and a win-back when a member is lapsing. Each is on or off per chain
 * with its own SMS and e-mail text. The cloud's daily run (cloud/automations)
 * puts them in the same outbox as campaigns, so consent at send time, the
 * 30-day cap, quiet hours and the opt-out apply to them alike.
 *
 * Texts carry placeholders in braces, filled per member when sent (see
 * AUTOMATION_PLACEHOLDERS); `renderAutomationText` fills them, here so the
 * page counts SMS parts on the same text the cloud sends.
 *
 * Who may do what: owners only (the messages reach the whole chain's members).
 */
import { z } from 'zod';
import { msg } from '../../core/i18n';
import type { Text } from '../../core/i18n';
import { isWellFormedText } from '../../core/limits';
import { says } from '../../core/schema-messages';
import { CAMPAIGN_EMAIL_MAX, CAMPAIGN_SMS_MAX, CAMPAIGN_SUBJECT_MAX } from './campaigns';
import { boCommand, returns } from './define';

export const AUTOMATION_KINDS = [
  'birthday',
  'points_expiring',
  'reward_ready',
  'win_back',
] as const;
export type AutomationKind = (typeof AUTOMATION_KINDS)[number];

/** How many days before the points expire the warning goes. */
export const POINTS_WARNING_DAYS = 30;

/** The placeholders each automation's texts may use (in braces: `{fornavn}`). */
export const AUTOMATION_PLACEHOLDERS: Record<AutomationKind, readonly string[]> = {
  birthday: ['fornavn', 'kundeklubb', 'kupong', 'gyldig_til', 'lenke'],
  points_expiring: ['fornavn', 'kundeklubb', 'poeng', 'dato', 'lenke'],
  reward_ready: ['fornavn', 'kundeklubb', 'kort', 'lenke'],
  win_back: ['fornavn', 'kundeklubb', 'lenke'],
};

/**
 * The member's own page link (MEMBER_LINK_PLACEHOLDER): left in the text by
 * the run and filled by the sender, in the SMS and the e-mail's text; not in
 * a subject, which the sender does not fill.
 */
export const PAGE_LINK_FIELD = 'lenke';

/**
 * Values at least as long as typical ones, for counting a text's SMS parts
 * before it is sent; dates as the run writes them (dd.mm.yyyy).
 */
export const EXAMPLE_VALUES: Record<string, string> = {
  fornavn: 'Kristine',
  kundeklubb: 'Kundeklubben',
  kupong: 'Bursdagsgave',
  gyldig_til: '31.12.2026',
  poeng: '1 250',
  dato: '06.01.2027',
  kort: 'Kaffekortet',
};

/**
 * EXAMPLE_VALUES with the programme's own club and birthday coupon names
 * where they are longer: the run sends those (in bokmål), so the estimate is
 * never below what is sent for them.
 */
export function exampleValues(names: {
  club: string | null;
  coupon: string | null;
}): Record<string, string> {
  const longer = (sample: string, real: string | null) =>
    real !== null && real.length > sample.length ? real : sample;
  return {
    ...EXAMPLE_VALUES,
    kundeklubb: longer(EXAMPLE_VALUES.kundeklubb!, names.club),
    kupong: longer(EXAMPLE_VALUES.kupong!, names.coupon),
  };
}

export interface AutomationTexts {
  sms: string;
  emailSubject: string;
  email: string;
}

/** The Norwegian texts an automation starts with. */
export const DEFAULT_AUTOMATION_TEXTS: Record<AutomationKind, AutomationTexts> = {
  birthday: {
    sms: 'Gratulerer med dagen, {fornavn}! Vi gir deg {kupong}, gyldig til {gyldig_til}. Vis medlemskortet i kassen. Hilsen {kundeklubb}',
    emailSubject: 'Gratulerer med dagen fra {kundeklubb}!',
    email:
      'Hei {fornavn}!\n\nGratulerer med dagen! Som medlem får du {kupong}, gyldig til {gyldig_til}. Vis medlemskortet i kassen, så får du den.\n\nHilsen {kundeklubb}',
  },
  points_expiring: {
    sms: 'Hei {fornavn}! {poeng} poeng går ut {dato}. Bruk dem i butikken før det. Hilsen {kundeklubb}',
    emailSubject: 'Poengene dine går snart ut',
    email:
      'Hei {fornavn}!\n\n{poeng} av poengene dine går ut {dato}. Bruk dem i butikken før det.\n\nHilsen {kundeklubb}',
  },
  reward_ready: {
    sms: 'Hei {fornavn}! {kort} er fullt, og belønningen venter på deg i kassen. Hilsen {kundeklubb}',
    emailSubject: 'Belønningen din er klar',
    email:
      'Hei {fornavn}!\n\n{kort} er fullt, og belønningen venter på deg. Vis medlemskortet i kassen neste gang du handler.\n\nHilsen {kundeklubb}',
  },
  win_back: {
    sms: 'Hei {fornavn}! Det er en stund siden sist. Velkommen innom, vi har mye nytt! Hilsen {kundeklubb}',
    emailSubject: 'Vi savner deg!',
    email:
      'Hei {fornavn}!\n\nDet er en stund siden sist vi så deg. Velkommen innom, vi har mye nytt.\n\nHilsen {kundeklubb}',
  },
};

/** The placeholders a text uses, in order, each once. */
export function placeholdersIn(text: string): string[] {
  return [...new Set([...text.matchAll(/\{([a-z_]+)\}/g)].map((m) => m[1]!))];
}

/**
 * A text with its placeholders filled. A missing first name leaves no gap:
 * "Hei {fornavn}!" becomes "Hei!" and ", {fornavn}!" becomes "!".
 */
export function renderAutomationText(text: string, values: Record<string, string>): string {
  return text
    .replace(/(,? )?\{([a-z_]+)\}/g, (whole, before: string | undefined, name: string) => {
      const value = values[name];
      if (value === undefined) return whole;
      if (value === '') return '';
      return `${before ?? ''}${value}`;
    })
    .trim();
}

const text = (max: number, needed: 'smsNeeded' | 'emailNeeded' | 'subjectNeeded') =>
  z
    .string()
    .trim()
    .min(1, says(msg(`backoffice.campaigns.${needed}`)))
    .max(max, says(msg(`backoffice.campaigns.${needed}TooLong`, { max })))
    .refine(isWellFormedText, { message: says(msg('contract.wellFormed')) });

export const AutomationSave = z
  .object({
    kind: z.enum(AUTOMATION_KINDS),
    enabled: z.boolean(),
    channels: z.object({ sms: z.boolean(), email: z.boolean() }),
    sms: z.object({ text: text(CAMPAIGN_SMS_MAX, 'smsNeeded') }),
    email: z.object({
      subject: text(CAMPAIGN_SUBJECT_MAX, 'subjectNeeded'),
      text: text(CAMPAIGN_EMAIL_MAX, 'emailNeeded'),
    }),
  })
  .refine((a) => !a.enabled || a.channels.sms || a.channels.email, {
    message: says(msg('backoffice.campaigns.channelNeeded')),
    path: ['channels'],
  });
export type AutomationSaveInput = z.input<typeof AutomationSave>;

/** The refusals of a save the schema cannot judge (the cloud knows the programme's coupon). */
export const AUTOMATION_REFUSALS = {
  unknownPlaceholder: 'backoffice.automations.unknownPlaceholder',
  noBirthdayCoupon: 'backoffice.automations.noBirthdayCoupon',
} as const;

/** What one channel of an automation came to in the last 30 days (from the outbox). */
export interface BoAutomationCounts {
  /** Queued or waiting for quiet hours to end. */
  queued: number;
  /** Sent, no delivery report yet. */
  sent: number;
  delivered: number;
  failed: number;
  /** Not sent because the member had withdrawn consent (e.g. answered STOPP). */
  optedOut: number;
  /** Not sent for another reason: no consent, over the cap, no address. */
  skipped: number;
}

export interface BoAutomation {
  kind: AutomationKind;
  enabled: boolean;
  channels: { sms: boolean; email: boolean };
  sms: { text: string };
  email: { subject: string; text: string };
  /** The placeholders its texts may use. */
  placeholders: readonly string[];
  lastRunAt: number | null;
  last30Days: { sms: BoAutomationCounts; email: BoAutomationCounts };
}

export interface BoAutomations {
  automations: BoAutomation[];
  /** The programme's birthday coupon (its name in each language it has), null when it has none. */
  birthdayCoupon: Text | null;
  /** The programme's name, which {kundeklubb} becomes. */
  clubName: string;
  smsPriceOre: number;
  frequencyCap: number;
}

export const automationsCommands = {
  'automation.list': boCommand({
    input: z.object({}),
    output: returns<BoAutomations>(),
    role: 'owner',
    scope: 'chain',
    access: 'read',
  }),
  /** Turns one automation on or off and sets its channels and texts. */
  'automation.save': boCommand({
    input: AutomationSave,
    output: returns<BoAutomations>(),
    role: 'owner',
    scope: 'chain',
    access: 'write',
  }),
} as const;

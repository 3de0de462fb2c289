/**
 * How many parts an SMS takes, and what it costs: a text of GSM-7 characters
 * holds 160 septets in one SMS and 153 per part when split; any other
 * character (emoji, curly quotes, "ő") sends the whole text as UCS-2, 70 code
 * units in one SMS, 67 per part. æøå ÆØÅ are in GSM-7's basic set. The
 * extension table's characters (€ [ ] { } ^ ~ \ |) take two septets. The
 * sender appends the opt-out on its own line, so the cost is counted with it.
 */

/** The opt-out the cloud's sender appends to every SMS (cloud/messaging/sender.ts), on its own line. */
export const SMS_OPT_OUT = 'Svar STOPP for å melde deg av';

const GSM7_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM7_EXTENSION = '\f^{}\\[~]|€';

const BASIC = new Set(GSM7_BASIC);
const EXTENSION = new Set(GSM7_EXTENSION);

export type SmsEncoding = 'gsm7' | 'ucs2';

export interface SmsParts {
  encoding: SmsEncoding;
  /** Septets (GSM-7) or UTF-16 code units (UCS-2) of the whole text. */
  units: number;
  /** SMS parts the text is sent as (0 for an empty text). */
  parts: number;
}

/** The parts of exactly this text (nothing appended). */
export function smsParts(text: string): SmsParts {
  let septets = 0;
  let gsm7 = true;
  for (const ch of text) {
    if (BASIC.has(ch)) septets += 1;
    else if (EXTENSION.has(ch)) septets += 2;
    else {
      gsm7 = false;
      break;
    }
  }
  if (gsm7) {
    const parts = septets === 0 ? 0 : septets <= 160 ? 1 : Math.ceil(septets / 153);
    return { encoding: 'gsm7', units: septets, parts };
  }
  // UCS-2 as UTF-16: an emoji outside the basic plane takes two code units.
  const units = text.length;
  const parts = units <= 70 ? 1 : Math.ceil(units / 67);
  return { encoding: 'ucs2', units, parts };
}

/** The text as the member receives it: the body, then the opt-out on its own line. */
export function smsAsSent(body: string, optOut: string = SMS_OPT_OUT): string {
  return `${body}\n${optOut}`;
}

/** Where a text puts the member's own page link (filled in by the sender: cloud/member-page/links.ts). */
export const MEMBER_LINK_PLACEHOLDER = '{lenke}';

/**
 * The characters a member page link is counted as before it is filled in:
 * `https://`, a host of up to 36 characters, `/m/` and the 43-character
 * token. Counted long, so the parts and the price are never more than said.
 */
export const MEMBER_LINK_CHARS = 90;

/** The parts of a campaign's SMS as sent (with the opt-out; each {lenke} as a link). */
export function campaignSmsParts(body: string, optOut: string = SMS_OPT_OUT): SmsParts {
  const linked = body.split(MEMBER_LINK_PLACEHOLDER).join('x'.repeat(MEMBER_LINK_CHARS));
  return smsParts(smsAsSent(linked, optOut));
}

/** What sending `body` to `recipients` members costs, in øre. */
export function smsCostOre(
  body: string,
  recipients: number,
  pricePerPartOre: number,
  optOut: string = SMS_OPT_OUT,
): number {
  return campaignSmsParts(body, optOut).parts * recipients * pricePerPartOre;
}

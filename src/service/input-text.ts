/**
 * Invalid input in the cashier's words, in both languages: the field's name
 * (mobilnummer, postnummer, skriveradresse …) and what is wrong with it, from
 * the zod issue's code and limits, or the schema's own message when it has one
 * (src/core/schema-messages.ts).
 */
import type { z } from 'zod';
import { text } from '../core/i18n';
import type { Text } from '../core/i18n';
import { saidText } from '../core/schema-messages';

type Issue = z.core.$ZodIssue;

/** The fields the till's screens and the integration API send, by their last path segment. */
export const FIELD_LABELS: Readonly<Record<string, Text>> = {
  pin: text('PIN-kode', 'PIN'),
  memberPin: text('Medlemmets PIN-kode', 'The member’s PIN'),
  phone: text('Mobilnummer', 'Mobile number'),
  firstName: text('Fornavn', 'First name'),
  lastName: text('Etternavn', 'Last name'),
  email: text('E-post', 'E-mail'),
  birthDate: text('Fødselsdato', 'Date of birth'),
  postalCode: text('Postnummer', 'Postal code'),
  gender: text('Kjønn', 'Gender'),
  acceptTerms: text('Medlemsvilkårene', 'The membership terms'),
  consents: text('Samtykkene', 'The consents'),
  sms: text('Samtykke til SMS', 'SMS consent'),
  referral: text('Vervet av', 'Referred by'),
  query: text('Mobilnummer eller medlemsnummer', 'Phone or member number'),
  name: text('Navn', 'Name'),
  role: text('Rolle', 'Role'),
  staffId: text('Ansatt', 'Staff member'),
  memberId: text('Medlem', 'Member'),
  channel: text('Kanal', 'Channel'),
  granted: text('Samtykke', 'Consent'),
  offerId: text('Poengtilbud', 'Points offer'),
  actionId: text('Handling', 'Action'),
  confirm: text('Bekreftelsen', 'The confirmation'),
  profile: text('Medlemsopplysningene', 'The member’s details'),
  lines: text('Varelinjene', 'The basket lines'),
  sku: text('Varenummer', 'SKU'),
  quantity: text('Antall', 'Quantity'),
  lineId: text('Linje', 'Line'),
  selections: text('Valgene', 'The selections'),
  couponIds: text('Kuponger', 'Coupons'),
  rewardIds: text('Belønninger', 'Rewards'),
  pointsToRedeem: text('Poeng som brukes', 'Points to redeem'),
  cashbackToRedeemOre: text('Bonus som brukes', 'Cashback to redeem'),
  useTierOnce: text('Nivårabatt', 'Tier discount'),
  verified: text('Bekreftet medlem', 'Verified member'),
  verification: text('Medlemsbekreftelsen', 'The member verification'),
  oldPin: text('Medlemmets nåværende PIN-kode', 'The member’s current PIN'),
  deviceToken: text('Enhetsnøkkelen', 'The device token'),
  idempotencyKey: text('Salgsnøkkel (idempotency key)', 'Idempotency key'),
  paymentMethod: text('Betalingsmåte', 'Payment method'),
  saleId: text('Salg', 'Sale'),
  reason: text('Årsak', 'Reason'),
  limit: text('Antall treff', 'Limit'),
  programme: text('Lojalitetsprogrammet', 'The programme'),
  products: text('Varekatalogen', 'The catalogue'),
  barcode: text('Strekkode', 'Barcode'),
  barcodes: text('Strekkoder', 'Barcodes'),
  code: text('Koden', 'The code'),
  scanner: text('Skanneren', 'The scanner'),
  printer: text('Skriveren', 'The printer'),
  port: text('Port', 'Port'),
  baudRate: text('Hastighet (baud)', 'Baud rate'),
  suffix: text('Avslutningstegn', 'Suffix'),
  target: text('Skriveradresse', 'Printer address'),
  width: text('Papirbredde', 'Paper width'),
  type: text('Skrivertype', 'Printer type'),
  status: text('Status', 'Status'),
  jobId: text('Utskriftsjobb', 'Print job'),
  storeName: text('Butikknavn', 'Store name'),
  addressLines: text('Adresse', 'Address'),
  orgNumber: text('Organisasjonsnummer', 'Organisation number'),
  footerLines: text('Bunntekst', 'Footer'),
  memberCode: text('Medlemskortet på kvitteringen', 'Member code on the receipt'),
  locale: text('Språk på kvitteringen', 'Receipt language'),
  cloudUrl: text('Skyadressen', 'The cloud address'),
  storeCode: text('Butikkoden', 'The store code'),
  terminalName: text('Kassenavnet', 'The till name'),
  force: text('Koble fra likevel', 'Unpair anyway'),
};

/** Where a command's field means something else than the same name elsewhere. */
const COMMAND_FIELD_LABELS: Readonly<Record<string, Readonly<Record<string, Text>>>> = {
  'receiptHeader.save': { phone: text('Telefonnummer', 'Phone number') },
  'product.search': { query: text('Søket', 'The search') },
  'product.byBarcode': { barcode: text('Strekkode', 'Barcode') },
};

/** Lists whose items are lines (basket, address, footer): "linje 2" rather than "nr. 2". */
const LINE_LISTS = new Set(['lines', 'addressLines', 'footerLines']);

/** "Postnummer", "Antall (linje 2)", or "Feltet «points.earnRate»" for a field with no name here. */
export function fieldLabel(path: ReadonlyArray<PropertyKey>, command?: string): Text {
  if (path.length === 0) return text('Inndata', 'The input');
  const named = path.filter((p): p is string => typeof p === 'string' && !/^\d+$/.test(p));
  const last = named[named.length - 1];
  const label =
    last === undefined
      ? undefined
      : ((command ? COMMAND_FIELD_LABELS[command]?.[last] : undefined) ?? FIELD_LABELS[last]);
  if (!label) {
    const dotted = path.map(String).join('.');
    return text(`Feltet «${dotted}»`, `The field "${dotted}"`);
  }
  const indexAt = path.findIndex((p) => typeof p === 'number' || /^\d+$/.test(String(p)));
  if (indexAt < 0) return label;
  const n = Number(path[indexAt]) + 1;
  const list = path[indexAt - 1];
  return typeof list === 'string' && LINE_LISTS.has(list)
    ? text(`${label.nb} (linje ${n})`, `${label.en} (line ${n})`)
    : text(`${label.nb} (nr. ${n})`, `${label.en} (no. ${n})`);
}

const TYPE_NAMES: Readonly<Record<string, Text>> = {
  string: text('tekst', 'text'),
  number: text('et tall', 'a number'),
  int: text('et heltall', 'a whole number'),
  boolean: text('ja eller nei (true/false)', 'true or false'),
  array: text('en liste', 'a list'),
  object: text('et objekt', 'an object'),
  date: text('en dato', 'a date'),
};

function listed(values: ReadonlyArray<unknown>): string {
  return values.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(', ');
}

/** What is wrong, from the issue's code and limits, with `l` the field's label. */
function generic(issue: Issue, l: Text): Text {
  switch (issue.code) {
    case 'invalid_type': {
      const missing = 'input' in issue && issue.input === undefined;
      if (missing) return text(`${l.nb} mangler.`, `${l.en} is missing.`);
      const type = TYPE_NAMES[issue.expected];
      return type
        ? text(`${l.nb} må være ${type.nb}.`, `${l.en} must be ${type.en}.`)
        : text(
            `${l.nb} har feil type (skal være ${issue.expected}).`,
            `${l.en} has the wrong type (expected ${issue.expected}).`,
          );
    }
    case 'too_small': {
      const n = String(issue.minimum);
      if (issue.origin === 'string') {
        return issue.minimum === 1
          ? text(`${l.nb} må fylles ut.`, `${l.en} is required.`)
          : text(`${l.nb} må ha minst ${n} tegn.`, `${l.en} must have at least ${n} characters.`);
      }
      if (issue.origin === 'array' || issue.origin === 'set') {
        return text(`${l.nb}: minst ${n} må være med.`, `${l.en}: at least ${n} needed.`);
      }
      return issue.inclusive === false
        ? text(`${l.nb} må være større enn ${n}.`, `${l.en} must be more than ${n}.`)
        : text(`${l.nb} må være minst ${n}.`, `${l.en} must be at least ${n}.`);
    }
    case 'too_big': {
      const n = String(issue.maximum);
      if (issue.origin === 'string') {
        return text(`${l.nb} kan ha høyst ${n} tegn.`, `${l.en} can have at most ${n} characters.`);
      }
      if (issue.origin === 'array' || issue.origin === 'set') {
        return text(`${l.nb}: høyst ${n} er tillatt.`, `${l.en}: at most ${n} allowed.`);
      }
      return issue.inclusive === false
        ? text(`${l.nb} må være mindre enn ${n}.`, `${l.en} must be less than ${n}.`)
        : text(`${l.nb} kan være høyst ${n}.`, `${l.en} can be at most ${n}.`);
    }
    case 'invalid_format':
      return issue.format === 'email'
        ? text(`${l.nb} er ikke en gyldig e-postadresse.`, `${l.en} is not a valid e-mail address.`)
        : text(`${l.nb} har feil format.`, `${l.en} is not in the right format.`);
    case 'invalid_value':
      return issue.values.length === 1 && issue.values[0] === true
        ? text(`${l.nb} må bekreftes.`, `${l.en} must be confirmed.`)
        : text(
            `${l.nb} må være en av: ${listed(issue.values)}.`,
            `${l.en} must be one of: ${listed(issue.values)}.`,
          );
    case 'not_multiple_of':
      return text(
        `${l.nb} må gå opp i ${issue.divisor}.`,
        `${l.en} must be a multiple of ${issue.divisor}.`,
      );
    case 'unrecognized_keys':
      return text(
        `${l.nb}: ukjent felt ${listed(issue.keys)}.`,
        `${l.en}: unknown field ${listed(issue.keys)}.`,
      );
    default:
      return text(`${l.nb} er ikke gyldig.`, `${l.en} is not valid.`);
  }
}

/** One issue in both languages: the schema's own message, else one made from the issue. */
export function issueText(issue: Issue, command?: string): Text {
  return saidText(issue) ?? generic(issue, fieldLabel(issue.path, command));
}

/** The first issue, saying how many more there are. */
export function issuesText(issues: ReadonlyArray<Issue>, command?: string): Text {
  const first = issues[0];
  if (!first) return text('Inndataene er ikke gyldige.', 'the input is not valid');
  const one = issueText(first, command);
  const more = issues.length - 1;
  if (more === 0) return one;
  return text(
    `${one.nb} (og ${more} feil til)`,
    `${one.en} (and ${more} more problem${more === 1 ? '' : 's'})`,
  );
}

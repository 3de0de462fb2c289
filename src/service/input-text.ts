/**
 * Invalid input in the cashier's words, as catalogue messages: the field's name
 * (mobilnummer, postnummer, skriveradresse …) and what is wrong with it, from
 * the zod issue's code and limits, or the schema's own message when it has one
 * (src/core/schema-messages.ts).
 */
import type { z } from 'zod';
import { msg } from '../core/i18n';
import type { Msg } from '../core/i18n';
import { saidText } from '../core/schema-messages';

type Issue = z.core.$ZodIssue;

/** The fields the till's screens and the integration API send, by their last path segment. */
export const FIELD_LABELS: Readonly<Record<string, Msg>> = {
  pin: msg('input.field.pin'),
  memberPin: msg('input.field.memberPin'),
  phone: msg('input.field.phone'),
  firstName: msg('input.field.firstName'),
  lastName: msg('input.field.lastName'),
  email: msg('input.field.email'),
  birthDate: msg('input.field.birthDate'),
  postalCode: msg('input.field.postalCode'),
  gender: msg('input.field.gender'),
  acceptTerms: msg('input.field.acceptTerms'),
  consents: msg('input.field.consents'),
  sms: msg('input.field.sms'),
  referral: msg('input.field.referral'),
  query: msg('input.field.query'),
  name: msg('input.field.name'),
  role: msg('input.field.role'),
  staffId: msg('input.field.staffId'),
  memberId: msg('input.field.memberId'),
  channel: msg('input.field.channel'),
  granted: msg('input.field.granted'),
  offerId: msg('input.field.offerId'),
  actionId: msg('input.field.actionId'),
  confirm: msg('input.field.confirm'),
  profile: msg('input.field.profile'),
  lines: msg('input.field.lines'),
  sku: msg('input.field.sku'),
  quantity: msg('input.field.quantity'),
  lineId: msg('input.field.lineId'),
  selections: msg('input.field.selections'),
  couponIds: msg('input.field.couponIds'),
  rewardIds: msg('input.field.rewardIds'),
  pointsToRedeem: msg('input.field.pointsToRedeem'),
  cashbackToRedeemOre: msg('input.field.cashbackToRedeemOre'),
  useTierOnce: msg('input.field.useTierOnce'),
  verified: msg('input.field.verified'),
  verification: msg('input.field.verification'),
  oldPin: msg('input.field.oldPin'),
  deviceToken: msg('input.field.deviceToken'),
  idempotencyKey: msg('input.field.idempotencyKey'),
  paymentMethod: msg('input.field.paymentMethod'),
  saleId: msg('input.field.saleId'),
  reason: msg('input.field.reason'),
  limit: msg('input.field.limit'),
  programme: msg('input.field.programme'),
  products: msg('input.field.products'),
  barcode: msg('input.field.barcode'),
  barcodes: msg('input.field.barcodes'),
  code: msg('input.field.code'),
  scanner: msg('input.field.scanner'),
  printer: msg('input.field.printer'),
  port: msg('input.field.port'),
  baudRate: msg('input.field.baudRate'),
  suffix: msg('input.field.suffix'),
  target: msg('input.field.target'),
  width: msg('input.field.width'),
  type: msg('input.field.type'),
  status: msg('input.field.status'),
  jobId: msg('input.field.jobId'),
  storeName: msg('input.field.storeName'),
  addressLines: msg('input.field.addressLines'),
  orgNumber: msg('input.field.orgNumber'),
  footerLines: msg('input.field.footerLines'),
  memberCode: msg('input.field.memberCode'),
  locale: msg('input.field.locale'),
  cloudUrl: msg('input.field.cloudUrl'),
  storeCode: msg('input.field.storeCode'),
  terminalName: msg('input.field.terminalName'),
  force: msg('input.field.force'),
};

/** Where a command's field means something else than the same name elsewhere. */
const COMMAND_FIELD_LABELS: Readonly<Record<string, Readonly<Record<string, Msg>>>> = {
  'receiptHeader.save': { phone: msg('input.field.receiptPhone') },
  'product.search': { query: msg('input.field.search') },
  'product.byBarcode': { barcode: msg('input.field.barcode') },
};

/** Lists whose items are lines (basket, address, footer): "linje 2" rather than "nr. 2". */
const LINE_LISTS = new Set(['lines', 'addressLines', 'footerLines']);

/** "Postnummer", "Antall (linje 2)", or "Feltet «points.earnRate»" for a field with no name here. */
export function fieldLabel(path: ReadonlyArray<PropertyKey>, command?: string): Msg {
  if (path.length === 0) return msg('input.field.input');
  const named = path.filter((p): p is string => typeof p === 'string' && !/^\d+$/.test(p));
  const last = named[named.length - 1];
  const label =
    last === undefined
      ? undefined
      : ((command ? COMMAND_FIELD_LABELS[command]?.[last] : undefined) ?? FIELD_LABELS[last]);
  if (!label) return msg('input.fieldUnnamed', { path: path.map(String).join('.') });
  const indexAt = path.findIndex((p) => typeof p === 'number' || /^\d+$/.test(String(p)));
  if (indexAt < 0) return label;
  const n = String(Number(path[indexAt]) + 1);
  const list = path[indexAt - 1];
  return typeof list === 'string' && LINE_LISTS.has(list)
    ? msg('input.fieldInLine', { label, n })
    : msg('input.fieldNumbered', { label, n });
}

const TYPE_NAMES: Readonly<Record<string, Msg>> = {
  string: msg('input.type.string'),
  number: msg('input.type.number'),
  int: msg('input.type.int'),
  boolean: msg('input.type.boolean'),
  array: msg('input.type.array'),
  object: msg('input.type.object'),
  date: msg('input.type.date'),
};

function listed(values: ReadonlyArray<unknown>): string {
  return values.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(', ');
}

/** What is wrong, from the issue's code and limits, with `field` the field's label. */
function generic(issue: Issue, field: Msg): Msg {
  switch (issue.code) {
    case 'invalid_type': {
      const missing = 'input' in issue && issue.input === undefined;
      if (missing) return msg('input.missing', { field });
      const type = TYPE_NAMES[issue.expected];
      return type
        ? msg('input.mustBeType', { field, type })
        : msg('input.wrongType', { field, expected: issue.expected });
    }
    case 'too_small': {
      // The limit as zod gives it (a string: no digit grouping in "minst 1000").
      const n = String(issue.minimum);
      if (issue.origin === 'string') {
        return issue.minimum === 1
          ? msg('input.required', { field })
          : msg('input.minChars', { field, n });
      }
      if (issue.origin === 'array' || issue.origin === 'set') {
        return msg('input.minItems', { field, n });
      }
      return issue.inclusive === false
        ? msg('input.moreThan', { field, n })
        : msg('input.atLeast', { field, n });
    }
    case 'too_big': {
      const n = String(issue.maximum);
      if (issue.origin === 'string') return msg('input.maxChars', { field, n });
      if (issue.origin === 'array' || issue.origin === 'set') {
        return msg('input.maxItems', { field, n });
      }
      return issue.inclusive === false
        ? msg('input.lessThan', { field, n })
        : msg('input.atMost', { field, n });
    }
    case 'invalid_format':
      return issue.format === 'email'
        ? msg('input.notEmail', { field })
        : msg('input.badFormat', { field });
    case 'invalid_value':
      return issue.values.length === 1 && issue.values[0] === true
        ? msg('input.mustConfirm', { field })
        : msg('input.oneOf', { field, values: listed(issue.values) });
    case 'not_multiple_of':
      return msg('input.multipleOf', { field, divisor: String(issue.divisor) });
    case 'unrecognized_keys':
      return msg('input.unknownField', { field, keys: listed(issue.keys) });
    default:
      return msg('input.notValid', { field });
  }
}

/** One issue: the schema's own message, else one made from the issue. */
export function issueText(issue: Issue, command?: string): Msg {
  return saidText(issue) ?? generic(issue, fieldLabel(issue.path, command));
}

/** The first issue, saying how many more there are. */
export function issuesText(issues: ReadonlyArray<Issue>, command?: string): Msg {
  const first = issues[0];
  if (!first) return msg('input.invalid');
  const one = issueText(first, command);
  const more = issues.length - 1;
  if (more === 0) return one;
  return msg('input.andMore', { first: one, more });
}

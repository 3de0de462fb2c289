/**
 * The words of the catalogue (src/core/messages), issue 13 point 4: bokmål a
 * cashier would write, with no English, no developer's words and no raw codes;
 * English for people (whole sentences, no jargon). Each rule is a pattern with
 * why it is wrong; the few messages that may break one say so in ALLOWED, by
 * key and pattern, with the reason.
 */
import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../src/core/messages';
import type { MessageKey } from '../../src/core/messages';

interface Rule {
  /** Whole words (an alternation); `cased` when only that spelling is wrong. */
  words: string;
  why: string;
  cased?: boolean;
}

/** The rule as a pattern for whole words (letters beyond ASCII included: "idé" is not "id"). */
function pattern(rule: Rule): RegExp {
  return new RegExp(
    `(?<![\\p{L}\\p{N}_])(?:${rule.words})(?![\\p{L}\\p{N}_])`,
    rule.cased ? 'gu' : 'giu',
  );
}

/** Never in a bokmål message. */
const NB_BANNED: Rule[] = [
  { words: 'the|and|with|your|please|not found|unknown|error|failed|invalid', why: 'English' },
  // (“null” is a Norwegian word: zero.)
  { words: 'true|false|undefined|NaN', why: 'a programmer’s value', cased: true },
  {
    words:
      'payload|schema|HLC|token|terminal|idempotency|JSON|HTTP|NUL|Unicode|surrogate|proxy|header|headeren|request|timeout|config|endpoint|SKU',
    why: 'a developer’s word',
  },
  { words: 'id|id-en', why: 'an id is not for the cashier' },
  { words: 'E[A-Z]{4,}', why: 'a raw system code (ECONNREFUSED …)', cased: true },
  { words: 'cashback|online|offline|pending|sync', why: 'English in Norwegian' },
  {
    words: 'pare|pares|paret|parer|paring|paringen|uparet|Par kassen|Par med|Par en',
    why: '“pare” is not said: “koble til kjeden”',
  },
  { words: 'miljø|miljøet', why: 'the environment is a developer’s word' },
  { words: 'inndata|inndataene', why: 'stiff: say what was filled in' },
  {
    words: 'hendelse|hendelsen|hendelser|hendelsene',
    why: 'a developer’s “event”: “registrering”',
  },
  {
    words: 'programmet|programmets|lojalitetsprogrammet',
    why: 'the loyalty programme is “kundeklubben” to a cashier',
  },
  { words: 'varekatalog|varekatalogen', why: 'the shop says “varelisten”' },
  { words: 'uttak|uttaket', why: 'a bank’s word: say what is used (poeng, bonus, kupong)' },
];

/** Never in an English message: the words of the code, not of the shop. */
const EN_BANNED: Rule[] = [
  {
    words:
      'payload|schema|HLC|null|undefined|NaN|NUL|surrogate|Unicode|idempotency|stack|exception|terminal|token|JSON|HTTP|proxy',
    why: 'a developer’s word',
  },
  { words: 'E[A-Z]{4,}', why: 'a raw system code (ECONNREFUSED …)', cased: true },
  { words: 'id|ids', why: 'an id is not for people' },
  { words: 'environment|unset', why: 'the environment is a developer’s word' },
  { words: 'invalid', why: 'say what is wrong (“not valid”, “wrong”)' },
  { words: 'input|body|request', why: 'say what was typed or sent' },
];

/**
 * English messages that are pieces of others (a kind, a type, a place, an
 * interval), not sentences: they start in lower case on purpose.
 */
const EN_FRAGMENTS = new Set<string>([
  'programme.kindPunchCard',
  'programme.kindCampaign',
  'programme.kindSpendCouponRule',
  'programme.kindPointsOffer',
  'programme.kindBonusCampaign',
  'programme.kindTier',
  'input.type.string',
  'input.type.number',
  'input.type.int',
  'input.type.boolean',
  'input.type.array',
  'input.type.object',
  'input.type.date',
  'sync.ago.justNow',
  'sync.member.number',
  'sync.member.unknown',
  'sync.receipt.first',
  'sync.where.named',
  'sync.where.here',
  'sync.where.other',
  'ui.role.cashier',
  'ui.role.manager',
  'ui.role.system',
  'ui.member.pointsValue',
  'ui.member.pointsPending',
  'ui.member.runsOut',
  'ui.member.validTo',
  'ui.print.queuedAt',
  'ui.care.hSaleVoidedTag',
  'ui.care.hSaleReturnedTag',
  'ui.care.field',
  'ui.staff.state',
  'ui.staff.localOnly',
  'ui.staff.where',
  'ui.enrol.birthDateFormat',
  'service.savedJsonInvalid',
  'ui.syncScreen.slotValue',
  'ui.syncScreen.quarantineReported',
  'ui.syncScreen.quarantineNotReported',
  // An address format to copy: tcp://HOST:PORT …
  'ui.devices.targetHint',
]);

/**
 * The exceptions, each with its reason. The API's own answers about HTTP
 * (host.*, the API token and headers) are read by an integrator, never by the
 * cashier: the names of headers and formats are what they must type.
 */
const ALLOWED: Partial<Record<MessageKey, { nb?: RegExp; en?: RegExp; why: string }>> = {
  'commands.idempotencyKeyMismatch': {
    nb: /Idempotency|header/i,
    en: /Idempotency|body/i,
    why: 'the API’s header',
  },
  'commands.headerMismatch': { nb: /header/i, en: /body/i, why: 'the API’s header' },
  'commands.apiTokenNeeded': { nb: /token/i, en: /token/i, why: 'the API token file' },
  'host.bodyTooLarge': { en: /body|request/i, why: 'the API’s request' },
  'host.unsupportedMediaType': { nb: /JSON/i, en: /JSON|body/i, why: 'the API’s format' },
  'host.invalidJson': { nb: /JSON/, en: /JSON|body/i, why: 'the API’s format' },
  'host.badRequest': { en: /request/i, why: 'the API’s request' },
  'host.tooDeep': { en: /body/i, why: 'the API’s request' },
  'host.headersTooLarge': { en: /request/i, why: 'the API’s request' },
  'host.requestTimeout': { en: /request/i, why: 'the API’s request' },
  'host.notHttp': { nb: /HTTP/, en: /HTTP|request/i, why: 'the API’s protocol' },
  'host.upgradeRequired': { nb: /HTTP/, en: /HTTP/, why: 'the API’s protocol' },
  'input.field.idempotencyKey': { en: /idempotency/i, why: 'the API’s field' },
  'ui.care.exportFile': { nb: /JSON/, en: /JSON/, why: 'the file the member is given' },
  'ui.camera.busy': { nb: /programmet/, why: 'another program on the computer' },
  'sync.problem.refused': { en: /HTTP/, why: 'for support, in English only' },
  'sync.outage.cloudFailed': { en: /HTTP/, why: 'for support, in English only' },
  'sync.outage.notTheCloud': { en: /HTTP|proxy/, why: 'for support, in English only' },
};

const keys = Object.keys(CATALOGUE) as MessageKey[];

/** The words of a message with its placeholders' names taken out ({offerId} is not a word shown). */
function shown(source: string): string {
  return (
    source
      .replace(/\{\s*[A-Za-z0-9_]+\s*(?=[,}])/g, '{')
      // An address or a path to type as it stands (https://…, /dev/serial/by-id/…).
      .replace(/[a-z]+:\/\/\S*|(?<![\p{L}\p{N}])\/\S+/gu, '')
  );
}

function broken(key: MessageKey, language: 'nb' | 'en', rules: Rule[]): string[] {
  const words = shown(CATALOGUE[key][language]);
  const allowed = ALLOWED[key]?.[language];
  return rules
    .filter((rule) => {
      const found = words.match(pattern(rule)) ?? [];
      return found.some((word) => !(allowed && allowed.test(word)));
    })
    .map(
      (rule) => `${key} (${language}): ${rule.why} — ${JSON.stringify(CATALOGUE[key][language])}`,
    );
}

describe('the words of the catalogue', () => {
  it('bokmål has no English, no developer’s words and no raw codes', () => {
    expect(keys.flatMap((key) => broken(key, 'nb', NB_BANNED))).toEqual([]);
  });

  it('English has no developer’s jargon', () => {
    expect(keys.flatMap((key) => broken(key, 'en', EN_BANNED))).toEqual([]);
  });

  it('English sentences start with a capital (or a name put in), as people write them', () => {
    const lower = keys.filter((key) => {
      if (EN_FRAGMENTS.has(key)) return false;
      const en = CATALOGUE[key].en.trim();
      return /^[a-z]/.test(en);
    });
    expect(lower).toEqual([]);
  });

  it('every exception is still needed (an allowance nobody uses is taken out)', () => {
    const unused = Object.entries(ALLOWED).flatMap(([key, allowance]) =>
      (['nb', 'en'] as const)
        .filter((language) => allowance?.[language])
        .filter((language) => {
          const rules = language === 'nb' ? NB_BANNED : EN_BANNED;
          const words = shown(CATALOGUE[key as MessageKey][language]);
          return !rules.some((rule) =>
            (words.match(pattern(rule)) ?? []).some((word) => allowance![language]!.test(word)),
          );
        })
        .map((language) => `${key} (${language})`),
    );
    expect(unused).toEqual([]);
  });

  it('the rules catch what they are for (a planted word fails)', () => {
    const planted = (text: string, rules: Rule[]) => rules.some((rule) => pattern(rule).test(text));
    expect(planted('Synkroniseringen feilet (ECONNREFUSED).', NB_BANNED)).toBe(true);
    expect(planted('Par kassen først.', NB_BANNED)).toBe(true);
    expect(planted('Fant ikke medlemmet (id 42).', NB_BANNED)).toBe(true);
    expect(planted('The session has ended.', NB_BANNED)).toBe(true);
    expect(planted('Kassen er koblet til kjeden.', NB_BANNED)).toBe(false);
    expect(planted('Et par ideer: en idé.', NB_BANNED)).toBe(false);
    expect(planted('the payload is null', EN_BANNED)).toBe(true);
    expect(planted('The member was not found.', EN_BANNED)).toBe(false);
  });
});

/**
 * Every refusal a cashier can meet comes with a text in every language: the
 * real commands below fail for real, and each error must say, in Norwegian,
 * English and Swedish (not the same words), what went wrong; the body the
 * transports send carries it rendered, and the catalogue message it renders.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandInput } from './commands';
import { ServiceError } from './commands';
import { failure, openTestTill } from './testing';
import type { TestTill } from './testing';

let till: TestTill;
let saleId = '';
beforeAll(async () => {
  till = await openTestTill();
  const sale = await till.call('sale.commit', {
    lines: [{ sku: 'kaffe-liten', quantity: 2, lineId: 'coffee' }],
    idempotencyKey: 'error-texts-sale-1',
    paymentMethod: 'cash',
  });
  saleId = sale.saleId;
  await till.call('member.enrol', { phone: '98765432', acceptTerms: true });
  await till.call('member.enrol', { phone: '98765433', acceptTerms: true });
});
afterAll(() => till.close());

/** zod's own English, which must never reach a Norwegian screen. */
const ZOD_ENGLISH = /Too small|Too big|Invalid (input|option|string|email)|expected|received/;

function expectBilingual(error: ServiceError): void {
  expect(error).toBeInstanceOf(ServiceError);
  const { nb, en, sv } = error.text;
  expect(nb.trim().length, error.code).toBeGreaterThan(0);
  expect(en.trim().length, error.code).toBeGreaterThan(0);
  expect(sv.trim().length, error.code).toBeGreaterThan(0);
  expect(nb, `${error.code}: nb is not just the English`).not.toBe(en);
  expect(sv, `${error.code}: sv is not just the English`).not.toBe(en);
  expect(nb, error.code).not.toMatch(ZOD_ENGLISH);
  expect(sv, error.code).not.toMatch(ZOD_ENGLISH);
  expect(error.toBody()).toEqual({
    code: error.code,
    message: error.message,
    field: error.field,
    text: { nb, en, sv },
    said: error.said,
  });
  // Apart from invalid input (whose message keeps the "field: …" API form), message is the English text.
  if (error.code !== 'invalid_input') expect(error.message).toBe(en);
}

const enrol = (input: Partial<CommandInput<'member.enrol'>>) =>
  failure(
    till.call('member.enrol', {
      phone: '41234567',
      acceptTerms: true,
      ...input,
    } as CommandInput<'member.enrol'>),
  );

describe('the service says every refusal in nb, en and sv', () => {
  it('a wrong PIN, then a locked log-in', async () => {
    const anonymous = { role: 'cashier', staffId: null } as const;
    const wrong = await failure(till.call('session.login', { pin: '1234' }, anonymous));
    expect(wrong).toMatchObject({ code: 'wrong_pin', field: 'pin' });
    expectBilingual(wrong);
    expect(wrong.text.nb).toBe('Feil PIN-kode. Prøv igjen, eller spør en leder.');
    for (let i = 0; i < 4; i++) await failure(till.call('session.login', { pin: '1234' }));
    const locked = await failure(till.call('session.login', { pin: '9999' }, anonymous));
    expect(locked).toMatchObject({ code: 'login_locked', field: 'pin' });
    expectBilingual(locked);
    expect(locked.text.nb).toMatch(/sperret i 30 s/);
    till.clock.now += 30_000;
    await till.call('session.login', { pin: '9999' }, anonymous);
  });

  it('an unknown member, an invalid phone, a phone another member has', async () => {
    const unknown = await failure(till.call('member.get', { memberId: 'no-such-member' }));
    expect(unknown.code).toBe('unknown_member');
    expectBilingual(unknown);

    const lookup = await failure(till.call('member.lookup', { query: '123' }));
    expect(lookup).toMatchObject({ code: 'invalid_phone', field: 'query' });
    expectBilingual(lookup);
    expect(lookup.text.nb).toMatch(/for få sifre: et norsk nummer har 8 sifre/);

    const first = await till.call('member.lookup', { query: '98765432' });
    const taken = await failure(
      till.call(
        'member.update',
        { memberId: first.member!.memberId, profile: {}, phone: '98765433' },
        till.manager,
      ),
    );
    expect(taken).toMatchObject({ code: 'phone_taken', field: 'phone' });
    expectBilingual(taken);
  });

  it('an unknown product, a sale voided twice, a return of more than was bought', async () => {
    const product = await failure(
      till.call('basket.evaluate', { lines: [{ sku: 'no-such-sku', quantity: 1 }] }),
    );
    expect(product).toMatchObject({ code: 'unknown_product', field: 'lines.0.sku' });
    expectBilingual(product);
    expect(product.text.sv).toBe(
      'Hittade ingen vara med artikelnummer no-such-sku. Skanna varan igen eller sök upp den.',
    );

    await till.call('sale.void', { saleId, reason: 'feil vare' }, till.manager);
    const twice = await failure(till.call('sale.void', { saleId, reason: 'igjen' }, till.manager));
    expect(twice.code).toBe('already_voided');
    expectBilingual(twice);

    const sale = await till.call('sale.commit', {
      lines: [{ sku: 'kaffe-liten', quantity: 2, lineId: 'coffee' }],
      idempotencyKey: 'error-texts-sale-2',
      paymentMethod: 'card',
    });
    const tooMuch = await failure(
      till.call(
        'sale.return',
        { saleId: sale.saleId, lines: [{ lineId: 'coffee', quantity: 3 }] },
        till.manager,
      ),
    );
    expect(tooMuch).toMatchObject({ code: 'return_exceeds_sale', field: 'lines.0.quantity' });
    expectBilingual(tooMuch);
    expect(tooMuch.text.nb).toMatch(/2 kjøpt, 0 returnert før/);

    const empty = await failure(
      till.call('sale.commit', {
        lines: [],
        idempotencyKey: 'error-texts-sale-3',
        paymentMethod: 'card',
      }),
    );
    expect(empty.code).toBe('empty_basket');
    expectBilingual(empty);
  });

  it('a cashier asking for a manager’s command', async () => {
    const forbidden = await failure(till.call('sale.void', { saleId, reason: 'x' }, till.cashier));
    expect(forbidden).toMatchObject({ code: 'forbidden', status: 403 });
    expectBilingual(forbidden);
    expect(forbidden.text.nb).toMatch(/leder/);
  });

  it('device settings that cannot be used, and a copy with no printer', async () => {
    const cases: Array<[CommandInput<'devices.save'>, string, string]> = [
      [{ printer: { target: '192.168.1.50' } }, 'printer.target', 'er ikke en skriver'],
      [{ printer: { target: '' } }, 'printer.target', 'Skriv skriverens adresse'],
      [{ printer: { target: 'tcp://host:99999' } }, 'printer.target', 'gyldig skriveradresse'],
      [{ printer: { target: 'lp:bad name' } }, 'printer.target', 'gyldig skrivernavn'],
      [{ printer: { target: 'tcp://10.0.0.9', width: 50 } }, 'printer.width', 'tegn per linje'],
      [{ scanner: { port: 'ttyUSB0' } }, 'scanner.port', 'enhetssti'],
      [{ scanner: { port: '' } }, 'scanner.port', 'Skriv porten'],
      [{ scanner: { port: '/dev/ttyACM0', baudRate: 1234 } }, 'scanner.baudRate', 'Hastigheten'],
      [
        { scanner: { port: '/dev/ttyACM0', suffix: 'TAB' as 'CR' } },
        'scanner.suffix',
        'Avslutningstegn må være en av: CR, LF, CRLF, none.',
      ],
    ];
    for (const [input, field, nb] of cases) {
      const error = await failure(till.call('devices.save', input, till.manager));
      expect(error, JSON.stringify(input)).toMatchObject({ code: 'invalid_input', field });
      expectBilingual(error);
      expect(error.text.nb, JSON.stringify(input)).toContain(nb);
    }
    const org = await failure(till.call('receiptHeader.save', { orgNumber: 'abc' }, till.manager));
    expect(org).toMatchObject({ code: 'invalid_input', field: 'orgNumber' });
    expectBilingual(org);
    expect(org.text.nb).toMatch(/^Et organisasjonsnummer har sifrene sine/);

    const copy = await failure(till.call('sale.reprint', { saleId }));
    expect(copy.code).toBe('no_printer');
    expectBilingual(copy);
    expect(copy.text.nb).toMatch(/under Enheter/);
    expect(copy.text.sv).toBe(
      'Ingen kvittoskrivare är inställd. En chef kan lägga till en under Enheter.',
    );
  });

  it('invalid enrolment input, field by field, with the field named in Norwegian', async () => {
    const cases: Array<[Partial<CommandInput<'member.enrol'>>, string, string]> = [
      [{ phone: '' }, 'phone', 'Skriv inn mobilnummeret.'],
      [{ phone: '9876543' }, 'phone', '9876543 har for få sifre: et norsk nummer har 8 sifre.'],
      [
        { acceptTerms: false as unknown as true },
        'acceptTerms',
        'Kunden må godta medlemsvilkårene for å bli medlem.',
      ],
      [{ profile: { email: 'kari@' } }, 'profile.email', 'E-postadressen er ikke gyldig.'],
      [
        { profile: { birthDate: '1990' } },
        'profile.birthDate',
        'Fødselsdatoen må være en ekte dato fra 1900 til i dag: skriv dd.mm.åååå eller ÅÅÅÅ-MM-DD.',
      ],
      [
        { profile: { postalCode: '123' } },
        'profile.postalCode',
        'Et norsk postnummer har 4 sifre.',
      ],
      [
        { profile: { firstName: 'K'.repeat(81) } },
        'profile.firstName',
        'Fornavn kan ha høyst 80 tegn.',
      ],
      [
        { profile: { lastName: 'N'.repeat(81) } },
        'profile.lastName',
        'Etternavn kan ha høyst 80 tegn.',
      ],
      [
        { profile: { gender: 'robot' as 'other' } },
        'profile.gender',
        'Kjønn må være en av: female, male, other.',
      ],
      [{ referral: ' ' }, 'referral', 'Vervet av må fylles ut.'],
      [{ referral: '41234567' }, 'referral', 'Et nytt medlem kan ikke verve seg selv.'],
      [{ referral: '40000009' }, 'referral', 'Fant ingen medlem for vervingen «40000009»'],
      [{ memberPin: '12' }, 'memberPin', 'Medlemmets PIN-kode er 4 til 8 sifre.'],
      [{ phone: undefined }, 'phone', 'Mobilnummer mangler.'],
    ];
    for (const [input, field, nb] of cases) {
      const error = await enrol(input);
      expect(error.field, JSON.stringify(input)).toBe(field);
      expectBilingual(error);
      expect(error.text.nb, JSON.stringify(input)).toContain(nb);
    }
  });

  it('counts further problems of the same input in both languages', async () => {
    const error = await enrol({ profile: { email: 'x', postalCode: '1' } });
    expectBilingual(error);
    expect(error.text.nb).toBe('E-postadressen er ikke gyldig. (og 1 feil til)');
    expect(error.text.en).toBe('The e-mail address is not valid. (and 1 more problem)');
    expect(error.text.sv).toBe('E-postadressen är inte giltig. (och 1 fel till)');
    expect(error.message).toBe(
      'profile.email: The e-mail address is not valid. (and 1 more problem(s))',
    );
  });
});

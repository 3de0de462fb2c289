/**
 * No schema message reaches a Norwegian (or Swedish) screen in English: every
 * fixed message in every command's input schema (walked from CommandInputs,
 * down to the programme and catalogue) is a catalogue message on file, the
 * messages made while checking carry theirs, and an issue zod describes itself
 * gets a sentence naming the field in the cashier's language.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Catalogue } from '../core/catalogue';
import { Programme } from '../core/programme';
import { bakery } from '../core/templates/bakery';
import { englishOf, says, saidText } from '../core/schema-messages';
import { CATALOGUE } from '../core/messages';
import type { MessageKey } from '../core/messages';
import { msg } from '../core/i18n';
import { render } from '../i18n/render';
import { CommandInputs } from './commands';
import { PrinterSettingsInput } from './devices/settings';
import { fieldLabel, issueText } from './input-text';

interface Node {
  _zod: { def: Record<string, unknown> };
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && '_zod' in value;
}

/** Every fixed message (a check's or a schema's own `error`) under `schema`. */
function fixedMessages(schema: unknown, found = new Set<string>(), seen = new Set()) {
  if (!isNode(schema) || seen.has(schema)) return found;
  seen.add(schema);
  const def = schema._zod.def;
  if (typeof def.error === 'function') {
    const message: unknown = (def.error as (issue: object) => unknown)({});
    if (typeof message === 'string') found.add(message);
  }
  const children: unknown[] = [
    def.element,
    def.innerType,
    def.in,
    def.out,
    def.left,
    def.right,
    def.keyType,
    def.valueType,
    def.rest,
    ...(Array.isArray(def.checks) ? def.checks : []),
    ...(Array.isArray(def.options) ? def.options : []),
    ...(Array.isArray(def.items) ? def.items : []),
    ...(typeof def.shape === 'object' && def.shape !== null ? Object.values(def.shape) : []),
  ];
  for (const child of children) fixedMessages(child, found, seen);
  return found;
}

describe('the schemas’ own messages', () => {
  const all = new Set<string>();
  for (const schema of Object.values(CommandInputs)) fixedMessages(schema, all);

  it('are all found by the walk, from each schema module', () => {
    // The walk reaches commands.ts, devices/settings.ts, programme.ts and catalogue.ts.
    for (const message of [
      'A PIN is 4 to 8 digits.',
      'The customer must accept the membership terms to join.',
      'A Norwegian postal code has 4 digits.',
      'Give a reason for voiding the sale.',
      'Confirm the erasure: it cannot be undone.',
      'A port is a device path like /dev/ttyACM0 or /dev/serial/by-id/…, or COM3 on Windows.',
      'An organisation number has its digits, e.g. “987 654 321 MVA” or “556677-8899”.',
      'Tier thresholds must rise from the first level to the last.',
      'A member price cannot be higher than the normal price.',
    ]) {
      expect([...all], message).toContain(message);
    }
    expect(all.size).toBeGreaterThanOrEqual(25);
  });

  it('each are a catalogue message on file, not the English again', () => {
    const missing = [...all].filter((message) => saidText({ message }) === null);
    expect(missing, 'schema messages not in the catalogue (use says(msg(key)))').toEqual([]);
    for (const message of all) {
      const said = saidText({ message })!;
      expect(render(said, 'en')).toBe(message);
      expect(render(said, 'nb').trim(), message).not.toBe('');
      expect(render(said, 'nb'), message).not.toBe(message);
      expect(render(said, 'sv'), message).not.toBe(message);
    }
  });

  it('would notice a message written without its Norwegian form', () => {
    const careless = z.object({ a: z.string().min(1, 'a plain English message') });
    const found = fixedMessages(careless);
    expect([...found]).toEqual(['a plain English message']);
    expect(saidText({ message: 'a plain English message' })).toBeNull();
  });

  it('gives zod the English and refuses two messages for one English wording', () => {
    expect(says(msg('input.scannerBaudRate', { rates: '1, 2' }))).toBe(
      'The speed (baud) must be one of 1, 2.',
    );
    expect(says(msg('input.field.sku'))).toBe('SKU');
    // The same English filed for another message would make saidText ambiguous.
    expect(() => says(msg('input.field.sku', { unused: 'x' }))).toThrow(/say "SKU" in English/);
  });

  it('give zod the same English the renderer gives (plain arguments only)', () => {
    const plain = (Object.keys(CATALOGUE) as MessageKey[]).filter(
      (key) => key.startsWith('input.') && !/, (plural|select)/.test(CATALOGUE[key].en),
    );
    expect(plain.length).toBeGreaterThan(50);
    for (const key of plain) {
      const names = [...CATALOGUE[key].en.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
      const said = msg(key, Object.fromEntries(names.map((name) => [name, `«${name}»`])));
      expect(englishOf(said), key).toBe(render(said, 'en'));
    }
  });

  it('are raised while checking with the message in the issue', () => {
    const issues = [
      ...PrinterSettingsInput.safeParse({ target: 'printer1' }).error!.issues,
      ...PrinterSettingsInput.safeParse({ target: 'tcp://[::' }).error!.issues,
      ...PrinterSettingsInput.safeParse({ target: 'lp:two words' }).error!.issues,
      ...Catalogue.safeParse([
        { sku: 'a', name: 'A', category: 'c', priceOre: 100, vatRate: 25, barcodes: ['12345678'] },
        { sku: 'a', name: 'B', category: 'c', priceOre: 100, vatRate: 25 },
        { sku: 'b', name: 'B', category: 'c', priceOre: 100, vatRate: 25, barcodes: ['12345678'] },
      ]).error!.issues,
      ...Programme.safeParse({ ...bakery.programme, memberNumberPrefix: '21' }).error!.issues,
      // The whole-programme checks run once every field is valid.
      ...Programme.safeParse({
        ...bakery.programme,
        timeZone: 'Mars/Olympus',
        punchCards: [bakery.programme.punchCards[0], bakery.programme.punchCards[0]],
      }).error!.issues,
    ];
    const custom = issues.filter((issue) => issue.code === 'custom');
    expect(custom.length).toBeGreaterThanOrEqual(5);
    for (const issue of custom) {
      const said = saidText(issue);
      expect(said, issue.message).not.toBeNull();
      expect(render(said!, 'en')).toBe(issue.message);
      expect(render(said!, 'nb')).not.toBe(issue.message);
    }
    const nb = custom.map((issue) => render(saidText(issue)!, 'nb'));
    expect(custom.map((issue) => render(saidText(issue)!, 'sv'))).toContain(
      '”printer1” är ingen skrivare. Ange tcp://VÄRD:PORT, en enhetssökväg som /dev/usb/lp0, eller lp:SKRIVARNAMN.',
    );
    expect(nb).toEqual(
      expect.arrayContaining([
        '«printer1» er ikke en skriver. Skriv tcp://VERT:PORT, en enhetssti som /dev/usb/lp0, eller lp:SKRIVERNAVN.',
        'Varenummeret a står to ganger.',
        'Strekkoden 12345678 hører også til varen a.',
        'Prefiks 20–25 leses som pris- og vektkoder av nordiske kasser; bruk 26–29, 02 eller 04.',
        'Ukjent tidssone: Mars/Olympus.',
        `Koden «${bakery.programme.punchCards[0]!.id}» er brukt to ganger (klippekort).`,
      ]),
    );
  });

  it('are never raised with a plain English message in any schema module', () => {
    // ctx.addIssue must get issueSaying(msg(key, params)), never an object of its own.
    const root = fileURLToPath(new URL('../..', import.meta.url));
    const dirs = ['src/core', 'src/service', 'native'];
    const offenders: string[] = [];
    const visit = (dir: string) => {
      for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) visit(path);
        else if (path.endsWith('.ts') && !path.endsWith('.test.ts')) {
          if (/addIssue\(\s*\{/.test(readFileSync(join(root, path), 'utf8'))) offenders.push(path);
        }
      }
    };
    dirs.forEach(visit);
    expect(offenders).toEqual([]);
  });
});

describe('issues zod describes itself', () => {
  const issuesOf = (schema: z.ZodType, input: unknown) =>
    schema.safeParse(input, { reportInput: true }).error!.issues;

  it('name the field in Norwegian and say what is wrong from the limits', () => {
    const enrol = CommandInputs['member.enrol'];
    const [tooLong] = issuesOf(enrol, {
      phone: '41234567',
      acceptTerms: true,
      profile: { firstName: 'x'.repeat(81) },
    });
    expect(render(issueText(tooLong!), 'nb')).toBe('Fornavn kan ha høyst 80 tegn.');
    expect(render(issueText(tooLong!), 'en')).toBe('First name can have at most 80 characters.');
    expect(render(issueText(tooLong!), 'sv')).toBe('Förnamn får ha högst 80 tecken.');
    const [missing] = issuesOf(CommandInputs['sale.void'], { saleId: 's' });
    expect(render(issueText(missing!), 'nb')).toBe('Årsak mangler.');
    expect(render(issueText(missing!), 'sv')).toBe('Orsak saknas.');
    const [zero] = issuesOf(CommandInputs['basket.evaluate'], {
      lines: [
        { sku: 'a', quantity: 1 },
        { sku: 'b', quantity: 0 },
      ],
    });
    expect(render(issueText(zero!), 'nb')).toBe('Antall (linje 2) må være større enn 0.');
    expect(render(issueText(zero!), 'sv')).toBe('Antal (rad 2) måste vara större än 0.');
    const [wide] = issuesOf(CommandInputs['receiptHeader.save'], {
      orgNumber: '',
      phone: '1'.repeat(25),
    });
    expect(render(issueText(wide!, 'receiptHeader.save'), 'nb')).toBe(
      'Telefonnummer kan ha høyst 24 tegn.',
    );
  });

  it('has a Norwegian name for every field the till’s screens send', () => {
    const screens = {
      'session.login': ['pin'],
      'member.enrol': [
        'phone',
        'acceptTerms',
        'profile.firstName',
        'profile.lastName',
        'profile.email',
        'profile.birthDate',
        'profile.postalCode',
        'profile.gender',
        'referral',
        'memberPin',
      ],
      'member.lookup': ['query'],
      'sale.void': ['reason'],
      'sale.return': ['lines.0.quantity', 'lines.0.lineId'],
      'basket.evaluate': ['lines.0.quantity', 'lines.0.sku', 'memberPin'],
      'devices.save': [
        'scanner.port',
        'scanner.baudRate',
        'scanner.suffix',
        'printer.target',
        'printer.width',
        'printer.type',
      ],
      'receiptHeader.save': [
        'storeName',
        'addressLines.0',
        'orgNumber',
        'phone',
        'footerLines.0',
        'memberCode',
        'locale',
      ],
    };
    for (const [command, fields] of Object.entries(screens)) {
      for (const field of fields) {
        // A field without a name on file would be called «Feltet "…"» / The field "…".
        expect(
          render(fieldLabel(field.split('.'), command), 'nb'),
          `${command} ${field}`,
        ).not.toMatch(/^Feltet/);
      }
    }
  });
});

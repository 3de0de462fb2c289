/**
 * The unsubscribe pages (/u/<token>) in the reader's language, on a real
 * cloud (PGlite and PostgreSQL): ?lang= when given, else the browser's
 * Accept-Language (no, nn and nb are bokmål; en; sv), bokmål otherwise; the
 * words from the catalogue, for the page, its button, the page after, and an
 * unknown link; a page whose language came from the header says it varies by it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, startTestCloud } from '../../test/sync/support/cloud';
import type { TestCloud } from '../../test/sync/support/cloud';
import { acceptedLocale } from '../public-page';
import { enqueueMessages, outboxMessages } from './outbox';
import { unsubscribeToken } from './sender';

const SECRET = 'unsubscribe-language-secret';

describe('the language of an Accept-Language header', () => {
  it('takes the first we write by its weight; Norwegian of any tag is bokmål', () => {
    expect(acceptedLocale(undefined)).toBe('nb');
    expect(acceptedLocale('')).toBe('nb');
    expect(acceptedLocale('nn-NO,nn;q=0.9,en;q=0.5')).toBe('nb');
    expect(acceptedLocale('no')).toBe('nb');
    expect(acceptedLocale('en-GB,en;q=0.9,nb;q=0.8')).toBe('en');
    expect(acceptedLocale('sv-SE')).toBe('sv');
    expect(acceptedLocale('de-DE,de;q=0.9,sv;q=0.3,en;q=0.2')).toBe('sv');
    expect(acceptedLocale('nb;q=0.4, en;q=0.8')).toBe('en');
    expect(acceptedLocale('en;q=0, sv')).toBe('sv');
    expect(acceptedLocale('fr-FR, *')).toBe('nb');
  });
});

for (const backend of await backends()) {
  const title = `unsubscribe pages in the reader's language (${backend.name}${backend.unavailable ? `: skipped, ${backend.unavailable}` : ''})`;
  describe.skipIf(backend.unavailable !== null)(title, () => {
    let cloud: TestCloud;
    const tokens: Record<string, string> = {};
    beforeAll(async () => {
      cloud = await startTestCloud(
        backend.name,
        {},
        {
          messaging: {
            sms: {
              provider: 'sveve',
              baseUrl: 'http://127.0.0.1:9',
              user: 'butikk',
              password: 'hemmelig',
              from: 'Garnbua',
            },
            secret: SECRET,
          },
        },
      );
      const db = cloud.server.database;
      await db.query(`INSERT INTO chains (id, name, created_at) VALUES ('c-lang', 'Kjede', 0)`);
      await enqueueMessages(db, 'c-lang', [
        { memberId: 'm-sms', channel: 'sms', purpose: 'test', body: 'Hei', notBefore: 0 },
        {
          memberId: 'm-mail',
          channel: 'email',
          purpose: 'test',
          body: 'Hei',
          subject: 'Hei',
          notBefore: 0,
        },
      ]);
      for (const m of await outboxMessages(db, 'c-lang'))
        tokens[m.channel] = unsubscribeToken({ secret: SECRET }, m.id);
    }, 120_000);
    afterAll(async () => {
      await cloud?.dispose();
    });

    const open = async (path: string, language?: string, method = 'GET') => {
      const answer = await fetch(`${cloud.server.url}${path}`, {
        method,
        headers: language ? { 'accept-language': language } : {},
      });
      return { status: answer.status, headers: answer.headers, html: await answer.text() };
    };

    it('asks in bokmål by default and for no, nn and nb', async () => {
      for (const language of [undefined, 'no', 'nn-NO,nn;q=0.9', 'nb-NO', 'fr-FR']) {
        const page = await open(`/u/${tokens.sms}`, language);
        expect(page.status).toBe(200);
        expect(page.html).toContain('<html lang="nb"');
        expect(page.html).toContain('<h1>Meld deg av SMS</h1>');
        expect(page.html).toContain('Meld meg av SMS</button>');
      }
      const mail = await open(`/u/${tokens.email}`);
      expect(mail.html).toContain(
        'Vil du ikke lenger få e-post med tilbud fra oss? Medlemskapet ditt beholder du.',
      );
      expect(mail.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    });

    it('asks in English and in Swedish, and ?lang= goes before the header', async () => {
      const english = await open(`/u/${tokens.email}`, 'en-GB,en;q=0.9,nb;q=0.5');
      expect(english.html).toContain('<html lang="en"');
      expect(english.html).toContain('<h1>Unsubscribe from e-mail</h1>');
      expect(english.html).toContain(
        'No longer want e-mails with offers from us? You keep your membership.',
      );
      expect(english.html).toContain('Unsubscribe me from e-mail</button>');
      const swedish = await open(`/u/${tokens.sms}`, 'sv-SE,sv;q=0.9');
      expect(swedish.html).toContain('<html lang="sv"');
      expect(swedish.html).toContain('<h1>Avregistrera dig från sms</h1>');
      expect(swedish.html).toContain('Avregistrera mig från sms</button>');
      const asked = await open(`/u/${tokens.sms}?lang=en`, 'sv-SE');
      expect(asked.html).toContain('<h1>Unsubscribe from text messages</h1>');
      // A cache must not hand the English page to a Swede: the page says what it varies by.
      expect(english.headers.get('vary')).toBe('Accept-Language');
      expect(swedish.headers.get('vary')).toBe('Accept-Language');
      // ?lang= names the language: the header plays no part.
      expect(asked.headers.get('vary')).toBeNull();
    });

    it('says it is done, and that a link is unknown, in the reader’s language', async () => {
      const done = await open(`/u/${tokens.sms}`, 'sv', 'POST');
      expect(done.status).toBe(200);
      expect(done.headers.get('vary')).toBe('Accept-Language');
      expect(done.html).toContain('<h1>Du är avregistrerad</h1>');
      expect(done.html).toContain(
        'Du får inga fler sms med erbjudanden från oss. Du är fortfarande medlem.',
      );
      const doneMail = await open(`/u/${tokens.email}`, 'en', 'POST');
      expect(doneMail.html).toContain('<h1>You are unsubscribed</h1>');
      expect(doneMail.html).toContain(
        'You will get no more e-mails with offers from us. You are still a member.',
      );
      const unknown = { en: 'This link is not valid.', sv: 'Den här länken är inte giltig.' };
      for (const [language, text] of Object.entries(unknown)) {
        const page = await open('/u/0190-not-a-token.abc', language);
        expect(page.status).toBe(404);
        expect(page.html).toContain(text);
        expect(page.headers.get('vary')).toBe('Accept-Language');
      }
      const norwegian = await open('/u/0190-not-a-token.abc', 'nn');
      expect(norwegian.html).toContain('<h1>Ukjent lenke</h1>');
      expect(norwegian.html).toContain('Denne lenken er ikke gyldig.');
    });
  });
}

import { describe, expect, it } from 'vitest';
import type { Shown } from '../../src/core/i18n';
import { render } from '../../src/i18n/render';
import {
  busy,
  eventKind,
  eventsRejected,
  eventsSetAside,
  incompatible,
  outageWhilePairing,
  outageWhileSyncing,
  quarantineText,
  readStoredProblem,
  refused,
  REVOKED,
  storedProblem,
  timedOut,
  unreachable,
} from '../../src/sync/problems';

/** The message in bokmål and English, as the tests before the catalogue read it. */
const both = (said: Shown) => ({ nb: render(said, 'nb'), en: render(said, 'en') });

describe('sync problems, said in every language where they are known', () => {
  it('no network: the network’s code in the English only, and the till carries on', () => {
    const problem = outageWhileSyncing(unreachable('ECONNREFUSED', null));
    expect(problem.code).toBe('unreachable');
    expect(render(problem.text, 'nb')).toBe(
      'Skyen svarer ikke. Kassen prøver igjen av seg selv; salg og innmeldinger lagres på kassen så lenge.',
    );
    expect(render(problem.text, 'en')).toMatch(
      /^The cloud does not answer \(ECONNREFUSED\)\. The till/,
    );
  });

  it('an English-only detail stays out of the Norwegian', () => {
    const outage = unreachable(null, 'socket hang up');
    expect(render(outage.what, 'nb')).toBe('Skyen svarer ikke');
    expect(render(outage.what, 'en')).toBe('The cloud does not answer (socket hang up)');
  });

  it('a busy cloud’s retry-after is said in whole seconds, at least one', () => {
    expect(render(outageWhileSyncing(busy(503, 30_000)).text, 'nb')).toMatch(
      /Kassen prøver igjen om 30 s/,
    );
    expect(render(outageWhileSyncing(busy(429, 200)).text, 'en')).toMatch(
      /too many requests.*again in 1 s/,
    );
    expect(both(outageWhilePairing(timedOut(10_000)))).toEqual({
      nb: 'Skyen svarte ikke innen 10 s. Sjekk adressen og nettverket, og prøv igjen.',
      en: 'The cloud did not answer within 10 s. Check the address and the network, and try again.',
    });
  });

  it('a refusal names its status; its code and the cloud’s message go in the English only', () => {
    const problem = refused(400, 'invalid_request', 'body/events/0 must have id');
    expect(problem.code).toBe('refused');
    expect(render(problem.text, 'nb')).toBe(
      'Skyen godtok ikke forespørselen fra kassen (feilkode 400).',
    );
    expect(render(problem.text, 'en')).toContain('body/events/0 must have id');
    expect(refused(401, 'unauthorized', 'unknown token')).toBe(REVOKED);
  });

  it('counts refused events in words', () => {
    expect(render(eventsRejected(1).text, 'nb')).toMatch(/^Skyen avviste én registrering\./);
    expect(render(eventsRejected(3).text, 'en')).toMatch(/^The cloud refused 3 events\./);
    expect(render(incompatible('events.0.id: Required').text, 'en')).toContain(
      'events.0.id: Required',
    );
  });

  it('is kept as JSON and read back; an old English sentence reads as itself', () => {
    const problem = eventsRejected(2);
    expect(readStoredProblem(storedProblem(problem))).toEqual(problem);
    const old = readStoredProblem('the cloud does not answer (ECONNREFUSED)')!;
    expect(old.code).toBe('unknown');
    expect(both(old.text)).toEqual({
      nb: 'the cloud does not answer (ECONNREFUSED)',
      en: 'the cloud does not answer (ECONNREFUSED)',
    });
    expect(
      readStoredProblem(JSON.stringify({ code: 'from_the_future', text: problem.text })),
    ).toEqual({ code: 'unknown', text: problem.text });
    // A row from before problems were messages: its words as they were kept, in every language.
    const written = readStoredProblem(
      JSON.stringify({
        code: 'revoked',
        text: { nb: 'Nøkkelen er trukket tilbake.', en: 'Revoked.' },
      }),
    )!;
    expect(written.code).toBe('revoked');
    expect(both(written.text)).toEqual({ nb: 'Nøkkelen er trukket tilbake.', en: 'Revoked.' });
    expect(render(written.text, 'sv')).toBe('Nøkkelen er trukket tilbake.');
    // A key a newer version wrote reads as its code.
    expect(
      readStoredProblem(JSON.stringify({ code: 'refused', text: { key: 'sync.fromTheFuture' } }))
        ?.code,
    ).toBe('unknown');
    expect(readStoredProblem(null)).toBeNull();
  });
});

describe('events set aside, said for a manager', () => {
  it('the till’s own codes: what happened in Norwegian, the detail in the English', () => {
    expect(both(quarantineText('clock_ahead', 'its clock is 9000 h ahead'))).toEqual({
      nb: 'Registreringen fra skyen har et klokkeslett langt fram i tid.',
      en: 'The event from the cloud has a clock far in the future (its clock is 9000 h ahead).',
    });
    expect(render(quarantineText('event_too_large', '9437300 bytes'), 'nb')).toBe(
      'Registreringen er for stor til å sendes til skyen.',
    );
  });

  it('the cloud’s refusal codes in its own words, and an unknown code as it is', () => {
    expect(render(quarantineText('invalid_event', 'payload.at', 'local'), 'nb')).toBe(
      'Skyen avviste registreringen: skyen leser ikke registreringen.',
    );
    expect(render(quarantineText('wrong_store', 'not this store', 'local'), 'nb')).toBe(
      'Skyen avviste registreringen: hører til en annen butikk.',
    );
    expect(render(quarantineText('invalid_text', 'payload.profile.firstName', 'local'), 'en')).toBe(
      'The cloud refused the event: it holds characters that cannot be stored (payload.profile.firstName).',
    );
    expect(both(quarantineText('from_the_future', 'x'))).toEqual({
      nb: 'Lagt til side (ukjent grunn).',
      en: 'Set aside (from_the_future: x).',
    });
  });

  it('counts what a sync set aside', () => {
    const one = eventsSetAside(1);
    expect(one.code).toBe('events_set_aside');
    expect(both(one.text)).toEqual({
      nb: 'Én registrering ble lagt til side; resten ble synkronisert. Se listen under.',
      en: 'One event was set aside; everything else was synced. See the list below.',
    });
    expect(render(eventsSetAside(3).text, 'nb')).toMatch(/^3 registreringer ble lagt til side/);
  });
});

describe('in Swedish', () => {
  it('says what a cashier in Sweden reads, the cloud’s English detail left out', () => {
    expect(render(outageWhileSyncing(unreachable('ECONNREFUSED', null)).text, 'sv')).toBe(
      'Molnet svarar inte. Kassan försöker igen av sig själv; köp och medlemsregistreringar sparas i kassan under tiden.',
    );
    expect(render(refused(400, 'invalid_request', 'body/events/0 must have id').text, 'sv')).toBe(
      'Molnet godtog inte förfrågan från kassan (felkod 400).',
    );
    expect(render(eventsRejected(1).text, 'sv')).toBe(
      'Molnet avvisade en händelse. Den ligger kvar i kassan; se listan nedan.',
    );
    expect(render(eventsRejected(4).text, 'sv')).toMatch(
      /^Molnet avvisade 4 händelser\. De ligger/,
    );
    expect(render(quarantineText('wrong_store', 'not this store', 'local'), 'sv')).toBe(
      'Molnet avvisade händelsen: hör till en annan butik.',
    );
  });
});

describe('what a refused or set-aside event recorded', () => {
  it('names the event type in words, an unknown type kept for support', () => {
    expect(render(eventKind('sale.committed'), 'nb')).toBe('Salg');
    expect(render(eventKind('sale.committed'), 'sv')).toBe('Köp');
    // A type this version does not know, or none readable: said in words, the type kept for support.
    expect(both(eventKind('something.new'))).toEqual({
      nb: 'Ukjent registrering (something.new)',
      en: 'Unknown event (something.new)',
    });
    expect(render(eventKind(null), 'nb')).toBe('Uleselig registrering');
    expect(render(eventKind('constructor'), 'en')).toBe('Unknown event (constructor)');
  });
});

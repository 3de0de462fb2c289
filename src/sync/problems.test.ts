import { describe, expect, it } from 'vitest';
import {
  busy,
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
} from './problems';

describe('sync problems, said in both languages where they are known', () => {
  it('no network: the network’s code in both, and the till carries on', () => {
    const problem = outageWhileSyncing(unreachable('ECONNREFUSED', null));
    expect(problem.code).toBe('unreachable');
    expect(problem.text.nb).toBe(
      'Skyen svarer ikke (ECONNREFUSED). Kassen prøver igjen av seg selv; salg og innmeldinger lagres på kassen så lenge.',
    );
    expect(problem.text.en).toMatch(/^The cloud does not answer \(ECONNREFUSED\)\. The till/);
  });

  it('an English-only detail stays out of the Norwegian', () => {
    const outage = unreachable(null, 'socket hang up');
    expect(outage.what.nb).toBe('Skyen svarer ikke');
    expect(outage.what.en).toBe('The cloud does not answer (socket hang up)');
  });

  it('a busy cloud’s retry-after is said in whole seconds, at least one', () => {
    expect(outageWhileSyncing(busy(503, 30_000)).text.nb).toMatch(/Kassen prøver igjen om 30 s/);
    expect(outageWhileSyncing(busy(429, 200)).text.en).toMatch(/too many requests.*again in 1 s/);
    expect(outageWhilePairing(timedOut(10_000))).toEqual({
      nb: 'Skyen svarte ikke innen 10 s. Sjekk adressen og nettverket, og prøv igjen.',
      en: 'The cloud did not answer within 10 s. Check the address and the network, and try again.',
    });
  });

  it('a refusal names its code; the cloud’s message goes in the English only', () => {
    const problem = refused(400, 'invalid_request', 'body/events/0 must have id');
    expect(problem.code).toBe('refused');
    expect(problem.text.nb).toBe(
      'Skyen godtok ikke forespørselen fra kassen (HTTP 400, invalid_request).',
    );
    expect(problem.text.en).toContain('body/events/0 must have id');
    expect(refused(401, 'unauthorized', 'unknown token')).toBe(REVOKED);
  });

  it('counts refused events in words', () => {
    expect(eventsRejected(1).text.nb).toMatch(/^Skyen avviste én hendelse\./);
    expect(eventsRejected(3).text.en).toMatch(/^The cloud refused 3 events\./);
    expect(incompatible('events.0.id: Required').text.en).toContain('events.0.id: Required');
  });

  it('is kept as JSON and read back; an old English sentence reads as itself', () => {
    const problem = eventsRejected(2);
    expect(readStoredProblem(storedProblem(problem))).toEqual(problem);
    expect(readStoredProblem('the cloud does not answer (ECONNREFUSED)')).toEqual({
      code: 'unknown',
      text: {
        nb: 'the cloud does not answer (ECONNREFUSED)',
        en: 'the cloud does not answer (ECONNREFUSED)',
      },
    });
    expect(
      readStoredProblem(JSON.stringify({ code: 'from_the_future', text: problem.text })),
    ).toEqual({ code: 'unknown', text: problem.text });
    expect(readStoredProblem(null)).toBeNull();
  });
});

describe('events set aside, said for a manager', () => {
  it('the till’s own codes: what happened in Norwegian, the detail in the English', () => {
    expect(quarantineText('clock_ahead', 'its clock is 9000 h ahead')).toEqual({
      nb: 'Hendelsen fra skyen har et klokkeslett langt fram i tid.',
      en: 'The event from the cloud has a clock far in the future (its clock is 9000 h ahead).',
    });
    expect(quarantineText('event_too_large', '9437300 bytes').nb).toBe(
      'Hendelsen er for stor til å sendes til skyen.',
    );
  });

  it('the cloud’s refusal codes in its own words, and an unknown code as it is', () => {
    expect(quarantineText('invalid_event', 'payload.at', 'local').nb).toBe(
      'Skyen avviste hendelsen: skyen leser ikke hendelsen.',
    );
    expect(quarantineText('wrong_store', 'not this store', 'local').nb).toBe(
      'Skyen avviste hendelsen: hører til en annen butikk.',
    );
    expect(quarantineText('invalid_text', 'payload.profile.firstName', 'local').en).toBe(
      'The cloud refused the event: Holds characters that cannot be stored (payload.profile.firstName).',
    );
    expect(quarantineText('from_the_future', 'x')).toEqual({
      nb: 'Lagt til side (from_the_future).',
      en: 'Set aside (from_the_future: x).',
    });
  });

  it('counts what a sync set aside', () => {
    expect(eventsSetAside(1)).toEqual({
      code: 'events_set_aside',
      text: {
        nb: 'Én hendelse ble lagt til side; resten ble synkronisert. Se listen under.',
        en: 'One event was set aside; everything else was synced. See the list below.',
      },
    });
    expect(eventsSetAside(3).text.nb).toMatch(/^3 hendelser ble lagt til side/);
  });
});

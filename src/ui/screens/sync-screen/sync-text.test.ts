import { describe, expect, it } from 'vitest';
import { msg } from '../../../core/i18n';
import type { Shown } from '../../../core/i18n';
import { render } from '../../../i18n/render';
import { agoText, lastSyncText, reportText } from './sync-text';

const MIN = 60_000;
const both = (said: Shown) => ({ nb: render(said, 'nb'), en: render(said, 'en') });

describe('when the till last synced', () => {
  const now = new Date(2026, 4, 3, 12, 30).getTime();

  it('says minutes within the hour, the clock the same day, the day before that', () => {
    expect(render(lastSyncText(null, now), 'nb')).toBe('Aldri synkronisert');
    expect(render(lastSyncText(now - 20_000, now), 'nb')).toBe('Synkronisert nå nettopp');
    expect(both(lastSyncText(now - 3 * MIN, now))).toEqual({
      nb: 'Synkronisert for 3 min siden',
      en: 'Synced 3 min ago',
    });
    expect(render(lastSyncText(new Date(2026, 4, 3, 9, 4).getTime(), now), 'nb')).toBe(
      'Synkronisert 09:04',
    );
    expect(render(lastSyncText(new Date(2026, 4, 1, 9, 4).getTime(), now), 'nb')).toBe(
      'Synkronisert 1. mai 09:04',
    );
    expect(render(agoText(now - 125 * MIN, now), 'nb')).toBe('for 2 t siden');
  });

  it('in Swedish', () => {
    expect(render(lastSyncText(now - 3 * MIN, now), 'sv')).toBe('Synkad för 3 min sedan');
    expect(render(lastSyncText(new Date(2026, 4, 1, 9, 4).getTime(), now), 'sv')).toBe(
      'Synkad 1 maj 09:04',
    );
  });
});

describe('what "Synkroniser nå" did', () => {
  const ok = {
    ok: true,
    pushed: 3,
    received: 12,
    applied: 5,
    rejected: 0,
    quarantined: 0,
    error: null,
  };

  it('counts what went and came, or says why it failed in the till’s language', () => {
    expect(render(reportText(ok), 'nb')).toBe('Synkronisert: 3 sendt, 5 nye hentet.');
    expect(render(reportText({ ...ok, rejected: 1 }), 'nb')).toBe(
      'Synkronisert: 3 sendt, 5 nye hentet. Skyen avviste 1.',
    );
    expect(both(reportText({ ...ok, quarantined: 2 }))).toEqual({
      nb: 'Synkronisert: 3 sendt, 5 nye hentet. 2 lagt til side.',
      en: 'Synced: 3 sent, 5 new received. 2 set aside.',
    });
    const failed = {
      ...ok,
      ok: false,
      error: {
        code: 'unreachable' as const,
        text: msg('sync.problem.outage', {
          what: msg('sync.outage.unreachable', {
            detail: { nb: ' (ECONNREFUSED)', en: ' (ECONNREFUSED)', sv: ' (ECONNREFUSED)' },
          }),
          retry: msg('sync.retry.byItself'),
        }),
      },
    };
    expect(both(reportText(failed))).toEqual({
      nb: 'Synkroniseringen feilet. Skyen svarer ikke. Kassen prøver igjen av seg selv; salg og innmeldinger lagres på kassen så lenge.',
      en: 'Sync failed. The cloud does not answer (ECONNREFUSED). The till tries again by itself; sales and enrolments are kept on the till meanwhile.',
    });
  });

  it('in Swedish, with its plural', () => {
    expect(render(reportText({ ...ok, pushed: 1, applied: 1, rejected: 2 }), 'sv')).toBe(
      'Synkad: 1 skickad, 1 ny hämtad. Molnet avvisade 2.',
    );
    expect(render(reportText({ ...ok, ok: false }), 'sv')).toBe(
      'Synkningen misslyckades. Okänt fel.',
    );
  });
});

/**
 * What went wrong with sync, said where it is known — no network, no answer in
 * time, a busy cloud, a revoked token, a refusal, refused events — as a stable
 * code and its words in both languages. The till shows `text[locale]`; nobody
 * translates an English sentence after the fact. The Norwegian carries the
 * cloud's own English detail only where it is a code (ECONNREFUSED, HTTP 503);
 * the English carries the cloud's message too, for support and API clients.
 */
import { z } from 'zod';
import { text } from '../core/i18n';
import { LIMITS } from '../core/limits';
import type { Text } from '../core/i18n';
import { ERROR_CODES, RejectCode } from './protocol';
import { PAIRING_ERROR_CODES, SYNC_PROBLEM_CODES } from '../contract/sync';
import type { ErrorCode } from './protocol';
import type { SyncProblem, SyncProblemCode } from '../contract/sync';

export type { PairingErrorCode, SyncProblem, SyncProblemCode } from '../contract/sync';
import { QUARANTINE_CODES } from '../store/quarantine';
import type { QuarantineCode, SetAsideCode } from '../store/quarantine';

/** Why a pairing could not be made (PairingError), besides the cloud's own refusal codes. */

/** Reaching the cloud failed; what happens next depends on who asked (see below). */
export interface CloudOutage {
  code: 'unreachable' | 'timeout' | 'busy' | 'cloud_failed' | 'not_the_cloud';
  /** What happened, one sentence without its full stop. */
  what: Text;
  /** What the cloud asked the till to wait (429/503 `retry-after`), ms. */
  retryAfterMs: number | null;
}

const seconds = (ms: number) => Math.max(1, Math.round(ms / 1000));

/**
 * No answer: `code` is the network's (ECONNREFUSED, ENOTFOUND, ECONNRESET), said
 * in both languages; `detail` is a message in English (said in English only).
 */
export function unreachable(code: string | null, detail: string | null): CloudOutage {
  const en = code ?? detail;
  return {
    code: 'unreachable',
    what: text(
      code ? `Skyen svarer ikke (${code})` : 'Skyen svarer ikke',
      en ? `The cloud does not answer (${en})` : 'The cloud does not answer',
    ),
    retryAfterMs: null,
  };
}

export function timedOut(timeoutMs: number): CloudOutage {
  const s = seconds(timeoutMs);
  return {
    code: 'timeout',
    what: text(`Skyen svarte ikke innen ${s} s`, `The cloud did not answer within ${s} s`),
    retryAfterMs: null,
  };
}

/** 429 (too many requests) or 503 (busy): the cloud said so, and maybe how long to wait. */
export function busy(status: number, retryAfterMs: number | null): CloudOutage {
  return {
    code: 'busy',
    what:
      status === 429
        ? text(
            'Skyen ber kassen vente (for mange forespørsler på kort tid)',
            'The cloud asks the till to wait (too many requests in a short time)',
          )
        : text('Skyen er opptatt akkurat nå', 'The cloud is busy right now'),
    retryAfterMs,
  };
}

export function cloudFailed(status: number): CloudOutage {
  return {
    code: 'cloud_failed',
    what: text(`Skyen har en feil (HTTP ${status})`, `The cloud has a fault (HTTP ${status})`),
    retryAfterMs: null,
  };
}

export function notTheCloud(status: number): CloudOutage {
  return {
    code: 'not_the_cloud',
    what: text(
      `Noe annet enn skyen svarte (HTTP ${status}); en innloggingsside eller en proxy kan stå i veien`,
      `Something other than the cloud answered (HTTP ${status}); a login page or a proxy may be in the way`,
    ),
    retryAfterMs: null,
  };
}

/** The background sync tries again by itself; meanwhile the till keeps everything. */
export function outageWhileSyncing(outage: CloudOutage): SyncProblem {
  const wait = outage.retryAfterMs;
  const retry =
    wait === null
      ? text('Kassen prøver igjen av seg selv', 'The till tries again by itself')
      : text(
          `Kassen prøver igjen om ${seconds(wait)} s`,
          `The till tries again in ${seconds(wait)} s`,
        );
  return {
    code: outage.code,
    text: text(
      `${outage.what.nb}. ${retry.nb}; salg og innmeldinger lagres på kassen så lenge.`,
      `${outage.what.en}. ${retry.en}; sales and enrolments are kept on the till meanwhile.`,
    ),
  };
}

/** A manager pairing is waiting: check and try again. */
export function outageWhilePairing(outage: CloudOutage): Text {
  const wait = outage.retryAfterMs;
  return wait === null
    ? text(
        `${outage.what.nb}. Sjekk adressen og nettverket, og prøv igjen.`,
        `${outage.what.en}. Check the address and the network, and try again.`,
      )
    : text(
        `${outage.what.nb}. Prøv igjen om ${seconds(wait)} s.`,
        `${outage.what.en}. Try again in ${seconds(wait)} s.`,
      );
}

const REFUSALS: Record<Exclude<ErrorCode, 'unauthorized'> | 'unexpected', Text> = {
  invalid_request: text(
    'Skyen godtok ikke forespørselen fra kassen',
    "The cloud did not accept the till's request",
  ),
  forbidden: text('Skyen gir ikke kassen lov til dette', 'The cloud does not allow this till that'),
  not_found: text(
    'Skyen kjenner ikke forespørselen: sjekk skyadressen, eller oppdater skyen',
    'The cloud does not know the request: check the cloud address, or update the cloud',
  ),
  store_code_not_found: text('Ingen butikk har denne butikkoden', 'No store has this store code'),
  slots_exhausted: text(
    'Kjeden har brukt opp medlemsnummerblokkene',
    'The chain has used up its member-number blocks',
  ),
  member_not_found: text('Skyen har ikke dette medlemmet', 'The cloud does not have this member'),
  invalid_phone: text('Skyen leser ikke mobilnummeret', 'The cloud cannot read the phone number'),
  batch_too_large: text(
    'For mange hendelser på én gang for skyen',
    'Too many events at once for the cloud',
  ),
  body_too_large: text('For mye data på én gang for skyen', 'Too much data at once for the cloud'),
  unsupported_media_type: text(
    'Skyen leser ikke det kassen sender: oppdater appen',
    'The cloud cannot read what the till sends: update the app',
  ),
  rate_limited: text('Skyen ber kassen vente', 'The cloud asks the till to wait'),
  unavailable: text('Skyen er opptatt', 'The cloud is busy'),
  internal: text('Skyen har en feil', 'The cloud has a fault'),
  invalid_json: text(
    'Skyen leser ikke det kassen sender: oppdater appen',
    'The cloud cannot read what the till sends: update the app',
  ),
  invalid_text: text(
    'Skyen tar ikke imot tekst med tegn som ikke kan lagres',
    'The cloud does not take text with characters that cannot be stored',
  ),
  unsafe_number: text(
    'Skyen tar ikke imot et tall som er for stort',
    'The cloud does not take a number that large',
  ),
  too_deep: text(
    'Skyen tar ikke imot så dypt nøstede data',
    'The cloud does not take data nested that deep',
  ),
  invalid_url: text(
    'Skyen leser ikke adressen kassen bruker',
    'The cloud cannot read the address the till uses',
  ),
  path_too_long: text(
    'Adressen kassen bruker er for lang for skyen',
    'The address the till uses is too long for the cloud',
  ),
  method_not_allowed: text(
    'Skyen kjenner ikke forespørselen: oppdater appen eller skyen',
    'The cloud does not know the request: update the app or the cloud',
  ),
  headers_too_large: text(
    'Forespørselen fra kassen er for stor for skyen',
    "The till's request is too large for the cloud",
  ),
  bad_request: text(
    'Skyen godtok ikke forespørselen fra kassen',
    "The cloud did not accept the till's request",
  ),
  request_timeout: text(
    'Forespørselen kom ikke fram til skyen i tide',
    'The request did not reach the cloud in time',
  ),
  unexpected: text(
    'Skyen svarte noe kassen ikke forstår',
    'The cloud answered something unexpected',
  ),
};

/** 401: the token is unknown or revoked. */
export const REVOKED: SyncProblem = {
  code: 'revoked',
  text: text(
    'Skyen godtar ikke lenger nøkkelen til kassen (den er trukket tilbake). En leder må pare kassen på nytt.',
    "The cloud no longer accepts this till's key (it was revoked). A manager must pair the till again.",
  ),
};

/** The cloud said no (4xx): which refusal in both languages, the cloud's message in English. */
export function refused(
  status: number,
  code: ErrorCode | 'unexpected',
  message: string,
): SyncProblem {
  if (code === 'unauthorized') return REVOKED;
  const reason = REFUSALS[code];
  return {
    code: 'refused',
    text: text(
      `${reason.nb} (HTTP ${status}, ${code}).`,
      `${reason.en} (HTTP ${status}, ${code}: ${message}).`,
    ),
  };
}

/** The cloud's answer does not fit what this app expects: `detail` names the field. */
export function incompatible(detail: string): SyncProblem {
  return {
    code: 'incompatible',
    text: text(
      'Svaret fra skyen passer ikke denne kassen: oppdater appen.',
      `The cloud's answer does not fit this till (${detail}): update the app.`,
    ),
  };
}

export function eventsRejected(count: number): SyncProblem {
  return {
    code: 'events_rejected',
    text: text(
      `Skyen avviste ${count === 1 ? 'én hendelse' : `${count} hendelser`}. De blir liggende på kassen; se listen under.`,
      `The cloud refused ${count === 1 ? 'one event' : `${count} events`}. They stay on the till; see the list below.`,
    ),
  };
}

/**
 * The cloud refused `count` events as ahead of its clock (clock_ahead).
 * `stillAhead`: by this till's own clock they are not ahead, so the till's
 * clock is wrong now, which only a person at the till can set right (until
 * then every new event is refused too); said before any other refusal.
 * Otherwise they were written while it was wrong, and go once their time comes.
 */
export function tillClockAhead(count: number, stillAhead: boolean): SyncProblem {
  const hours = LIMITS.maxClockAheadMs / 3_600_000;
  const nb = count === 1 ? 'én hendelse' : `${count} hendelser`;
  const en = count === 1 ? 'one event' : `${count} events`;
  if (!stillAhead) {
    return {
      code: 'events_dated_ahead',
      text: text(
        `Skyen tar ennå ikke imot ${nb}: ${count === 1 ? 'den' : 'de'} ble laget mens klokken på kassen gikk mer enn ${hours} timer foran, og sendes når ${count === 1 ? 'tiden dens' : 'tiden deres'} er nådd. Nye salg sendes som vanlig; se listen under.`,
        `The cloud does not take ${en} yet: ${count === 1 ? 'it was' : 'they were'} made while the till's clock was more than ${hours} hours ahead, and ${count === 1 ? 'is' : 'are'} sent once ${count === 1 ? 'its' : 'their'} time has come. New sales are sent as usual; see the list below.`,
      ),
    };
  }
  return {
    code: 'till_clock_ahead',
    text: text(
      `Klokken på kassen går mer enn ${hours} timer foran, så skyen tar ikke imot ${nb} fra kassen. Rett dato og klokkeslett på kassen. ${count === 1 ? 'Hendelsen blir' : 'Hendelsene blir'} liggende på kassen til da; se listen under.`,
      `The till's clock is more than ${hours} hours ahead, so the cloud does not take ${en} from it. Correct the till's date and time. ${count === 1 ? 'It stays' : 'They stay'} on the till until then; see the list below.`,
    ),
  };
}

export const UNPAIRED: SyncProblem = {
  code: 'unpaired',
  text: text('Kassen er ikke paret med en sky.', 'This till is not paired with a cloud.'),
};

export const STOPPED: SyncProblem = {
  code: 'stopped',
  text: text(
    'Synkroniseringen er stoppet (kassen lukkes).',
    'Sync has stopped (the till is closing).',
  ),
};

/** Something failed on the till itself; `detail` is for support, in English. */
export function tillFailed(detail: string): SyncProblem {
  return {
    code: 'till_failed',
    text: text(
      'Synkroniseringen feilet på kassen. Den prøver igjen av seg selv; si fra hvis det varer.',
      `Sync failed on the till (${detail}). It tries again by itself; report it if it lasts.`,
    ),
  };
}

const REJECT_REASONS: Record<RejectCode, Text> = {
  invalid_event: text('Skyen leser ikke hendelsen', 'The cloud cannot read the event'),
  schema_too_new: text(
    'Laget av en nyere app enn skyen kjenner: oppdater skyen',
    'Written by a newer app than the cloud reads: update the cloud',
  ),
  wrong_chain: text('Hører til en annen kjede', 'Belongs to another chain'),
  wrong_store: text('Hører til en annen butikk', 'Belongs to another store'),
  wrong_terminal: text('Hører til en annen kasse', 'Belongs to another till'),
  unknown_member: text(
    'Gjelder et medlem kjeden ikke kjenner',
    'Concerns a member the chain does not know',
  ),
  clock_ahead: text(
    'Klokken på kassen går for langt foran: sjekk dato og klokkeslett',
    "The till's clock is too far ahead: check its date and time",
  ),
  invalid_text: text(
    'Inneholder tegn som ikke kan lagres',
    'Holds characters that cannot be stored',
  ),
  event_too_large: text('Hendelsen er for stor', 'The event is too large'),
};

/** Why the cloud refused an event, from its code; the cloud's own detail in English. */
export function rejectionText(code: RejectCode, message: string): Text {
  const reason = REJECT_REASONS[code];
  return text(reason.nb, `${reason.en} (${message})`);
}

const QUARANTINE_REASONS: Record<QuarantineCode, Text> = {
  invalid_event: text(
    'Hendelsen fra skyen kan ikke leses av kassen (feil form, tall utenfor grensene eller ugyldige tegn)',
    'The event from the cloud cannot be read by this till (wrong shape, a figure out of bounds or invalid characters)',
  ),
  clock_ahead: text(
    'Hendelsen fra skyen har et klokkeslett langt fram i tid',
    'The event from the cloud has a clock far in the future',
  ),
  apply_failed: text(
    'Hendelsen fra skyen kunne ikke lagres på kassen',
    'The event from the cloud could not be stored on this till',
  ),
  event_too_large: text(
    'Hendelsen er for stor til å sendes til skyen',
    'The event is too large to send to the cloud',
  ),
  body_too_large: text(
    'Hendelsen er for stor for forbindelsen til skyen (en mellomtjener tar ikke så mye)',
    'The event is too large for the connection to the cloud (something in between takes less)',
  ),
};

/**
 * Why an event was set aside, from its code (the till's own, or for a local
 * event the cloud's refusal); the detail (in English) in the English text.
 */
export function quarantineText(
  code: SetAsideCode,
  reason: string,
  direction: 'pulled' | 'local' = 'pulled',
): Text {
  const own = direction === 'pulled' || code === 'event_too_large' || code === 'body_too_large';
  if (own && (QUARANTINE_CODES as readonly string[]).includes(code)) {
    const said = QUARANTINE_REASONS[code as QuarantineCode];
    return text(`${said.nb}.`, `${said.en} (${reason}).`);
  }
  const refusal = RejectCode.safeParse(code);
  if (refusal.success) {
    const said = rejectionText(refusal.data, reason);
    return text(
      `Skyen avviste hendelsen: ${said.nb.charAt(0).toLowerCase()}${said.nb.slice(1)}.`,
      `The cloud refused the event: ${said.en}.`,
    );
  }
  return text(`Lagt til side (${code}).`, `Set aside (${code}: ${reason}).`);
}

/** Events set aside in the last sync: the rest went on. */
export function eventsSetAside(count: number): SyncProblem {
  return {
    code: 'events_set_aside',
    text: text(
      `${count === 1 ? 'Én hendelse' : `${count} hendelser`} ble lagt til side; resten ble synkronisert. Se listen under.`,
      `${count === 1 ? 'One event was' : `${count} events were`} set aside; everything else was synced. See the list below.`,
    ),
  };
}

const StoredProblem = z.object({
  code: z.string(),
  text: z.object({ nb: z.string(), en: z.string() }),
});

const KNOWN_CODES: ReadonlySet<string> = new Set([
  ...SYNC_PROBLEM_CODES,
  ...PAIRING_ERROR_CODES,
  ...ERROR_CODES,
  'unexpected',
]);

function isProblemCode(code: string): code is SyncProblemCode {
  return KNOWN_CODES.has(code);
}

/** Kept in sync_state as JSON. */
export function storedProblem(problem: SyncProblem): string {
  return JSON.stringify(problem);
}

/**
 * A problem as kept in sync_state. A row written before problems had codes holds
 * the client's English sentence: it reads as that sentence in both languages.
 */
export function readStoredProblem(stored: string | null): SyncProblem | null {
  if (stored === null || stored === '') return null;
  let json: unknown;
  try {
    json = JSON.parse(stored);
  } catch {
    return { code: 'unknown', text: text(stored, stored) };
  }
  const parsed = StoredProblem.safeParse(json);
  if (!parsed.success) return { code: 'unknown', text: text(stored, stored) };
  const { code, text: said } = parsed.data;
  return { code: isProblemCode(code) ? code : 'unknown', text: said };
}

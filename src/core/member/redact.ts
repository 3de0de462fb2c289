/**
 * Redaction of an erased member's events, so the till's and the cloud's logs can
 * be scrubbed of personal data while keeping anonymous figures. A redacted event
 * keeps its id, clock and type (so sync still recognises it) and still passes
 * `parseEvent`; folding redacted events gives the same erased ledger as folding
 * the originals. It keeps only the fields this version knows: a field a newer
 * till added may hold personal data, and this version cannot tell.
 */
import { KnownPayloads, PROFILE_FIELDS } from '../events';
import type { EventPayload, ForeignEvent, MemberEvent } from '../events';
import { emptyProfile } from './fold';

type ProfileChanges = EventPayload<'member.profile_updated'>['fields'];

export function redactForErasure(event: MemberEvent): MemberEvent {
  // An event stored under older, looser bounds may not parse today: it had no unknown fields then.
  const parsed = KnownPayloads[event.type].safeParse(event.payload);
  const known = (parsed.success ? { ...event, payload: parsed.data } : event) as MemberEvent;
  switch (known.type) {
    case 'member.enrolled':
      return {
        ...known,
        payload: { ...known.payload, phoneE164: null, qrToken: null, profile: emptyProfile() },
      };
    case 'member.profile_updated': {
      // Which fields changed stays (an anonymous fact); their values go. The
      // phone cannot be null in this event, so it is dropped altogether.
      const fields: ProfileChanges = {};
      for (const field of PROFILE_FIELDS) {
        if (known.payload.fields[field] !== undefined) fields[field] = null;
      }
      return { ...known, payload: { ...known.payload, fields } };
    }
    case 'member.absorbed':
      return { ...known, payload: { ...known.payload, qrToken: null } };
    case 'member.pin_set':
      return { ...known, payload: { ...known.payload, pinHash: null } };
    case 'member.consent_changed':
      return { ...known, payload: { ...known.payload, staffId: null } };
    default:
      return known;
  }
}

/** An erased member's event of a type this version does not know: nothing of its payload can be judged safe. */
export function redactForeignForErasure(event: ForeignEvent): ForeignEvent {
  return { ...event, payload: {} };
}

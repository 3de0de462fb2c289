/**
 * Redaction of an erased member's events, so the till's and the cloud's logs can
 * be scrubbed of personal data while keeping anonymous figures. A redacted event
 * keeps its id, clock and type (so sync still recognises it) and still passes
 * `parseEvent`; folding redacted events gives the same erased ledger as folding
 * the originals.
 */
import { PROFILE_FIELDS } from '../events';
import type { EventPayload, MemberEvent } from '../events';
import { emptyProfile } from './fold';

type ProfileChanges = EventPayload<'member.profile_updated'>['fields'];

export function redactForErasure(event: MemberEvent): MemberEvent {
  switch (event.type) {
    case 'member.enrolled':
      return {
        ...event,
        payload: { ...event.payload, phoneE164: null, qrToken: null, profile: emptyProfile() },
      };
    case 'member.profile_updated': {
      // Which fields changed stays (an anonymous fact); their values go. The
      // phone cannot be null in this event, so it is dropped altogether.
      const fields: ProfileChanges = {};
      for (const field of PROFILE_FIELDS) {
        if (event.payload.fields[field] !== undefined) fields[field] = null;
      }
      return { ...event, payload: { ...event.payload, fields } };
    }
    case 'member.pin_set':
      return { ...event, payload: { ...event.payload, pinHash: null } };
    case 'member.consent_changed':
      return { ...event, payload: { ...event.payload, staffId: null } };
    default:
      return event;
  }
}

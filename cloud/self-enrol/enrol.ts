/**
 * A customer enrolling themself on their own phone, from a till's join QR: the
 * cloud writes the member's `member.enrolled` (and a `member.consent_changed`
 * per channel they said yes to, `source: 'self-enrolment'`) on behalf of the
 * till's store — storeId the till's store, terminalId and clock node 'cloud',
 * no staff — through the event log (appendEvents: the lookup index, ledgers
 * and projections follow), so every till pulls it like any other member.
 *
 * A phone the chain already holds is not enrolled twice: that member is the
 * outcome, and nothing of theirs changes (anyone can type a phone number, so
 * it is no consent and no proof of who is at the counter).
 *
 * Member numbers: slot 0 of the prefix, which no till is ever given
 * (src/sync/protocol.ts SLOTS), after the highest given there, under the same
 * per-chain lock as the CSV import (cloud/imports/run.ts), which numbers there too.
 */
import { randomBytes } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { memberNumberFor } from '../../src/core/ean13';
import { EVENT_SCHEMA_VERSION } from '../../src/core/events';
import type { EventEnvelope, LojalEvent } from '../../src/core/events';
import { decodeHlc, encodeHlc, receiveHlc, tickHlc } from '../../src/core/hlc';
import type { Hlc } from '../../src/core/hlc';
import type { Database } from '../db/database';
import { appendEvents, newestHlc } from '../event-log';
import { CLOUD_ORIGIN } from '../programme-change';
import { programmeInForce } from '../programme';
import { SLOT_ZERO_LAST_SERIAL, lastSlotZeroSerial, lockSlotZero } from '../slot-zero';
import type { JoinOutcome } from './join-requests';

export const SELF_ENROLMENT_SOURCE = 'self-enrolment';

export interface SelfEnrolment {
  chainId: string;
  storeId: string;
  joinRequestId: string;
  phoneE164: string;
  firstName: string | null;
  /** Checked as the till checks a profile's e-mail. */
  email: string | null;
  consents: { sms: boolean; email: boolean };
}

export class NumbersExhausted extends Error {}

export async function enrolSelf(
  db: Database,
  input: SelfEnrolment,
  now: number,
): Promise<JoinOutcome> {
  return db.transaction(async (tx) => {
    await lockSlotZero(tx, input.chainId);
    const holder = await tx.query<{ member_id: string; member_number: string }>(
      `SELECT member_id, member_number FROM members
        WHERE chain_id = $1 AND phone_e164 = $2 AND NOT erased
        ORDER BY enrolled_at, member_id LIMIT 1`,
      [input.chainId, input.phoneE164],
    );
    if (holder[0])
      return {
        memberId: holder[0].member_id,
        memberNumber: holder[0].member_number,
        created: false,
      };

    const programme = await programmeInForce(tx, input.chainId, {
      storeId: input.storeId,
      now,
    });
    const prefix = programme.memberNumberPrefix;
    const serial = (await lastSlotZeroSerial(tx, input.chainId, prefix)) + 1;
    if (serial > SLOT_ZERO_LAST_SERIAL) throw new NumbersExhausted('slot 0 is full');
    const memberId = uuidv7({ msecs: now });
    const memberNumber = memberNumberFor(prefix, serial);
    const newest = await newestHlc(tx, input.chainId);
    let clock: Hlc = newest
      ? receiveHlc(null, decodeHlc(newest), now, CLOUD_ORIGIN)
      : { wallMs: now, counter: 0, node: CLOUD_ORIGIN };
    const envelope = <T extends 'member.enrolled' | 'member.consent_changed'>(
      type: T,
      payload: EventEnvelope<T>['payload'],
    ) => {
      clock = tickHlc(clock, now, CLOUD_ORIGIN);
      return {
        id: uuidv7({ msecs: now }),
        chainId: input.chainId,
        storeId: input.storeId,
        terminalId: CLOUD_ORIGIN,
        hlc: encodeHlc(clock),
        type,
        memberId,
        payload,
        schemaVersion: EVENT_SCHEMA_VERSION,
      } as EventEnvelope<T>;
    };
    // Events keep fields their schema does not name: `source` and the join request ride along.
    const events: LojalEvent[] = [
      envelope('member.enrolled', {
        memberNumber,
        qrToken: randomBytes(16).toString('base64url'),
        phoneE164: input.phoneE164,
        profile: {
          firstName: input.firstName,
          lastName: null,
          email: input.email,
          birthDate: null,
          postalCode: null,
          gender: null,
        },
        termsVersion: programme.termsVersion,
        consents: { sms: false, email: false },
        referrerId: null,
        staffId: null,
        at: now,
        source: SELF_ENROLMENT_SOURCE,
        joinRequestId: input.joinRequestId,
      } as EventEnvelope<'member.enrolled'>['payload']) as unknown as LojalEvent,
    ];
    for (const channel of ['sms', 'email'] as const) {
      if (!input.consents[channel]) continue;
      events.push(
        envelope('member.consent_changed', {
          channel,
          granted: true,
          termsVersion: programme.termsVersion,
          staffId: null,
          at: now,
          source: SELF_ENROLMENT_SOURCE,
        } as EventEnvelope<'member.consent_changed'>['payload']) as unknown as LojalEvent,
      );
    }
    await appendEvents(tx, input.chainId, events, now);
    return { memberId, memberNumber, created: true };
  });
}

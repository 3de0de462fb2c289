/**
 * A stretch of ordinary till work, as events to sync: enrolments, member and
 * anonymous sales (coupons, stamps), profile changes and a void now and then.
 * Deterministic from its arguments, so a failing run is the same run again.
 */
import type { SyncTill, WorldClock } from './till';

const SKUS = ['kaffe-liten', 'cappuccino', 'grovbrod', 'kanelbolle', 'rundstykker-6', 'te'];

/** Phones unique per tag and index (8 digits, Norwegian mobile). */
export function phoneFor(tag: number, i: number): string {
  return `4${String(tag % 100).padStart(2, '0')}${String(i).padStart(5, '0')}`;
}

export interface DayResult {
  memberIds: string[];
  /** Events this stretch wrote. */
  events: number;
}

/** About `events` events at one till, a minute apart on the world clock. */
export async function busyDay(
  till: SyncTill,
  world: WorldClock,
  events: number,
  tag: number,
  knownMembers: readonly string[] = [],
): Promise<DayResult> {
  const memberIds: string[] = [];
  const saleIds: string[] = [];
  let written = 0;
  for (let i = 0; written < events; i++) {
    world.now += 60_000;
    const pick = i % 8;
    const members = [...knownMembers, ...memberIds];
    if (pick === 0 || members.length === 0) {
      const { member } = await till.call('member.enrol', {
        phone: phoneFor(tag, i),
        acceptTerms: true,
        profile: { firstName: `Medlem ${tag}-${i}` },
      });
      memberIds.push(member.memberId);
    } else if (pick === 5) {
      const memberId = members[i % members.length]!;
      await till.call('member.update', {
        memberId,
        profile: { lastName: `Etternavn ${tag}-${i}` },
      });
    } else if (pick === 7 && saleIds.length > 0) {
      await till.call('sale.void', { saleId: saleIds.pop()!, reason: 'feil vare' });
    } else {
      const memberId = pick === 3 ? null : members[i % members.length]!;
      const sale = await till.call('sale.commit', {
        lines: [
          { sku: SKUS[i % SKUS.length]!, quantity: 1 + (i % 3) },
          { sku: SKUS[(i + 2) % SKUS.length]!, quantity: 1 },
        ],
        memberId,
        idempotencyKey: `day-${tag}-${i}-${till.name}`,
        paymentMethod: 'card',
      });
      saleIds.push(sale.saleId);
    }
    written += 1;
  }
  return { memberIds, events: written };
}

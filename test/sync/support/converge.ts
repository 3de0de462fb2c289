/**
 * The end state every sync test asks for: every till and the cloud hold the
 * same set of events (none lost, none twice), nothing waits in any outbox,
 * and every member's projection at each till equals the cloud's fold of the
 * same events, as a ledger and as the view at a fixed instant.
 */
import { expect } from 'vitest';
import type { LojalEvent, MemberEvent } from '../../../src/core/events';
import { isMemberEvent } from '../../../src/core/events';
import { foldMember, memberView } from '../../../src/core/member';
import type { MemberLedger } from '../../../src/core/member-types';
import type { Programme } from '../../../src/core/programme';
import { cloudEvents } from './cloud';
import type { TestChain, TestCloud } from './cloud';
import type { SyncTill } from './till';

export interface Converged {
  events: number;
  members: number;
  erased: number;
}

function programmeOf(events: readonly LojalEvent[]): Programme {
  let latest: LojalEvent | null = null;
  for (const e of events) {
    if (e.type !== 'programme.saved') continue;
    if (latest === null || e.hlc > latest.hlc || (e.hlc === latest.hlc && e.id > latest.id))
      latest = e;
  }
  if (latest === null || latest.type !== 'programme.saved')
    throw new Error('the chain has no programme');
  return latest.payload.programme;
}

/** JSON round trip, so an event compares the same whichever database stored it. */
function plain<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

export interface ConvergeOptions {
  /**
   * Leave out each till's own events it set aside (too large for the cloud:
   * `events.pushed = 2`): they stay on that till alone, by design.
   */
  ignoreSetAside?: boolean;
}

export async function expectConverged(
  tills: readonly SyncTill[],
  cloud: TestCloud,
  chain: TestChain,
  now: number,
  options: ConvergeOptions = {},
): Promise<Converged> {
  const events = await cloudEvents(cloud, chain);
  const ids = events.map((e) => e.id);
  expect(new Set(ids).size, 'no event twice in the cloud').toBe(ids.length);
  const programme = programmeOf(events);

  const byMember = new Map<string, MemberEvent[]>();
  for (const e of events) {
    if (!isMemberEvent(e)) continue;
    const list = byMember.get(e.memberId!) ?? [];
    list.push(e);
    byMember.set(e.memberId!, list);
  }
  const expected = new Map<string, MemberLedger>();
  for (const [memberId, memberEvents] of byMember) {
    const ledger = foldMember(memberEvents);
    if (ledger) expected.set(memberId, ledger);
  }
  const cloudById = new Map(events.map((e) => [e.id, plain(e)]));

  for (const till of tills) {
    const status = till.service.sync.status();
    expect(status.pending, `${till.name}: events waiting`).toBe(0);
    const held = till.readDb((db) => {
      const rows = db
        .prepare(`SELECT * FROM events${options.ignoreSetAside ? ' WHERE pushed <> 2' : ''}`)
        .all() as Array<Record<string, unknown>>;
      const members = db.prepare('SELECT member_id, ledger FROM members').all() as Array<{
        member_id: string;
        ledger: string;
      }>;
      return { rows, members };
    });
    const tillIds = held.rows.map((r) => r.id as string);
    expect(new Set(tillIds).size, `${till.name}: no event twice`).toBe(tillIds.length);
    expect([...tillIds].sort(), `${till.name}: the same events as the cloud`).toEqual(
      [...ids].sort(),
    );
    for (const row of held.rows) {
      const event = {
        id: row.id,
        chainId: row.chain_id,
        storeId: row.store_id,
        terminalId: row.terminal_id,
        hlc: row.hlc,
        type: row.type,
        memberId: row.member_id,
        payload: JSON.parse(row.payload as string) as unknown,
        schemaVersion: row.schema_version,
      };
      expect(event, `${till.name}: event ${String(row.id)} as the cloud has it`).toEqual(
        cloudById.get(row.id as string),
      );
    }
    const ledgers = new Map(
      held.members.map((m) => [m.member_id, JSON.parse(m.ledger) as MemberLedger]),
    );
    expect([...ledgers.keys()].sort(), `${till.name}: the same members`).toEqual(
      [...expected.keys()].sort(),
    );
    for (const [memberId, ledger] of expected) {
      const mine = ledgers.get(memberId)!;
      expect(mine, `${till.name}: ledger of ${memberId}`).toEqual(plain(ledger));
      expect(plain(memberView(programme, mine, now)), `${till.name}: view of ${memberId}`).toEqual(
        plain(memberView(programme, ledger, now)),
      );
    }
    const tillProgramme = await till.call('programme.get', {});
    expect(plain(tillProgramme), `${till.name}: programme`).toEqual(plain(programme));
  }
  return {
    events: events.length,
    members: expected.size,
    erased: [...expected.values()].filter((l) => l.erased).length,
  };
}

/**
 * The programme editor's commands. A version is a `programme.saved` event in
 * the chain's log, written by `saveProgramme` (the path PUT /v1/programme
 * takes), so the tills pull it like any other; the account that published it
 * (and, for a roll-back, the version brought back) is noted in
 * `programme_versions` (migration 007) in the same transaction. Versions are
 * numbered in the order of their clocks, whoever saved them (a till, the API,
 * the back office).
 */
import { EventPayloads, eventBytes } from '../../../src/core/events';
import type { MemberEvent } from '../../../src/core/events';
import { LIMITS } from '../../../src/core/limits';
import { foldMember } from '../../../src/core/member';
import type { MemberLedger } from '../../../src/core/member-types';
import { normalisePhone } from '../../../src/core/phone';
import { msg } from '../../../src/core/i18n';
import { parseProgramme } from '../../../src/core/programme';
import { publicationInForce, startsAt } from '../../../src/core/programme-in-force';
import { dayNumber, localDateOf, parseIsoDate, startOfLocalDay } from '../../../src/core/time';
import type { Programme } from '../../../src/core/programme';
import { startTemplates } from '../../../src/core/templates';
import type { Product } from '../../../src/core/catalogue';
import { PROGRAMME_PARTS, PUBLISH_REFUSALS } from '../../../src/contract/backoffice/programme';
import type {
  BoPreviewMember,
  BoProgrammeVersion,
  ProgrammePart,
} from '../../../src/contract/backoffice/programme';
import type { BoStoreRef } from '../../../src/contract/backoffice/types';
import type { Database, Queryable } from '../../db/database';
import { lookupMembers } from '../../members';
import { programmePublications } from '../../programme';
import { CLOUD_ORIGIN, saveProgramme } from '../../programme-change';
import type { Scope } from '../scope';
import { BoError, invalidInput, notFound } from '../errors';
import type { SignedContext } from '../context';
import type { BoHandlers } from './types';

/** Room kept for the event's envelope, staff id and time around the programme (as PUT /v1/programme). */
const ENVELOPE_BYTES = 4096;

interface StoredVersion {
  eventId: string;
  hlc: string;
  storeId: string;
  at: number;
  staffId: string | null;
  programme: Programme | null;
  accountId: string | null;
  accountName: string | null;
  rolledBackTo: string | null;
  note: string | null;
}

/** The newest versions read whole for the history (older ones are numbered, not read). */
export const VERSIONS_LISTED = 100;

const VERSION_COLUMNS = `e.id, e.hlc, e.store_id, e.payload, v.account_id, a.name AS account_name,
       v.rolled_back_to, v.note
  FROM events e
  LEFT JOIN programme_versions v ON v.event_id = e.id
  LEFT JOIN accounts a ON a.id = v.account_id
 WHERE e.chain_id = $1 AND e.type = 'programme.saved'`;

type VersionRow = {
  id: string;
  hlc: string;
  store_id: string;
  payload: unknown;
  account_id: string | null;
  account_name: string | null;
  rolled_back_to: string | null;
  note: string | null;
};

function storedVersion(row: VersionRow): StoredVersion {
  const parsed = EventPayloads['programme.saved'].safeParse(row.payload);
  const raw = row.payload as { at?: unknown; staffId?: unknown };
  return {
    eventId: row.id,
    hlc: row.hlc,
    storeId: row.store_id,
    at: typeof raw.at === 'number' ? raw.at : 0,
    staffId: typeof raw.staffId === 'string' ? raw.staffId : null,
    programme: parsed.success ? parsed.data.programme : null,
    accountId: row.account_id,
    accountName: row.account_name,
    rolledBackTo: row.rolled_back_to,
    note: row.note,
  };
}

/** Every version's number (by clock, 1 first), without reading the programmes. */
async function versionNumbers(db: Queryable, chainId: string): Promise<Map<string, number>> {
  const rows = await db.query<{ id: string }>(
    `SELECT id FROM events WHERE chain_id = $1 AND type = 'programme.saved' ORDER BY hlc, id`,
    [chainId],
  );
  return new Map(rows.map((row, i) => [row.id, i + 1]));
}

/**
 * The newest `count` versions, newest first, each with what changed from the
 * one before (one more is read for that).
 */
async function newestVersions(
  db: Queryable,
  scope: Scope,
  now: number,
  count: number,
): Promise<{ versions: BoProgrammeVersion[]; stored: StoredVersion[] }> {
  const chainId = scope.chainId;
  const rows = await db.query<VersionRow>(
    `SELECT ${VERSION_COLUMNS} ORDER BY e.hlc DESC, e.id DESC LIMIT $2`,
    [chainId, count + 1],
  );
  // Numbered after the rows are read: every row read has its number.
  const numberOf = await versionNumbers(db, chainId);
  const placeOf = await placesOfVersions(db, scope, now);
  const stored = rows.reverse().map(storedVersion);
  const complete = stored.length <= count;
  const versions = stored
    .map((v, i) => versionOf(v, i === 0 ? null : stored[i - 1]!, numberOf, placeOf(v.eventId)))
    .slice(complete ? 0 : 1)
    .reverse();
  return { versions, stored: stored.slice(complete ? 0 : 1).reverse() };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The parts of the programme that differ between two versions (none for the first: all is new). */
export function changedParts(before: Programme | null, after: Programme | null): ProgrammePart[] {
  if (!before || !after) return [];
  const named = PROGRAMME_PARTS.filter((p) => p !== 'other') as Array<
    Exclude<ProgrammePart, 'other'>
  >;
  const changed: ProgrammePart[] = named.filter((part) => !same(before?.[part], after[part]));
  const rest = (p: Programme | null) =>
    p
      ? Object.fromEntries(Object.entries(p).filter(([key]) => !(named as string[]).includes(key)))
      : null;
  if (!same(rest(before), rest(after))) changed.push('other');
  return changed;
}

type VersionPlace = Pick<BoProgrammeVersion, 'stores' | 'startsAt' | 'planned' | 'inForce'>;

/**
 * Where and when each version applies, and where it is in force now: the
 * version each store of the chain runs, chosen as its tills choose it. Stores
 * the account does not reach are left out of the names.
 */
async function placesOfVersions(
  db: Queryable,
  scope: Scope,
  now: number,
): Promise<(eventId: string) => VersionPlace> {
  const [publications, chainStores] = await Promise.all([
    programmePublications(db, scope.chainId),
    db.query<{ id: string; name: string }>(
      'SELECT id, name FROM stores WHERE chain_id = $1 ORDER BY name, id',
      [scope.chainId],
    ),
  ]);
  const names = new Map(chainStores.map((s) => [s.id, s.name]));
  const refs = (ids: readonly string[]): BoStoreRef[] =>
    ids
      .filter((id) => scope.reaches(id) && names.has(id))
      .map((id) => ({ storeId: id, name: names.get(id)! }));
  const inForceAt = new Map<string, string[]>();
  for (const store of chainStores) {
    const running = publicationInForce(publications, { storeId: store.id, now });
    if (running)
      inForceAt.set(running.eventId, [...(inForceAt.get(running.eventId) ?? []), store.id]);
  }
  const chainWide = publicationInForce(publications, { storeId: null, now });
  const byId = new Map(publications.map((p) => [p.eventId, p]));
  return (eventId) => {
    const p = byId.get(eventId);
    const at = inForceAt.get(eventId) ?? [];
    const start = p ? startsAt(p) : 0;
    return {
      stores: p?.stores ? refs(p.stores) : null,
      startsAt: start,
      planned: start > now,
      inForce: {
        everywhere:
          chainStores.length > 0
            ? at.length === chainStores.length
            : chainWide?.eventId === eventId,
        stores: refs(at),
      },
    };
  };
}

function versionOf(
  v: StoredVersion,
  before: StoredVersion | null,
  numberOf: ReadonlyMap<string, number>,
  place: VersionPlace,
): BoProgrammeVersion {
  return {
    number: numberOf.get(v.eventId) ?? 0,
    eventId: v.eventId,
    at: v.at,
    author: {
      accountId: v.accountId,
      name: v.accountName,
      staffId: v.accountId ? null : v.staffId,
      storeId: v.accountId || v.storeId === CLOUD_ORIGIN ? null : v.storeId,
    },
    changed: changedParts(before?.programme ?? null, v.programme),
    rolledBackTo: v.rolledBackTo ? (numberOf.get(v.rolledBackTo) ?? null) : null,
    note: v.note,
    ...place,
  };
}

/** saveProgramme's own transaction, with the author noted in it. */
function notingAuthor(
  db: Database,
  note: (tx: Queryable, eventId: string) => Promise<void>,
): Database {
  return {
    kind: db.kind,
    query: (sql, params) => db.query(sql, params),
    execScript: (sql) => db.execScript(sql),
    close: () => db.close(),
    transaction: (work) =>
      db.transaction(async (tx) => {
        const result = await work(tx);
        await note(tx, (result as { id: string }).id);
        return result;
      }),
  };
}

interface Where {
  stores?: string[] | undefined;
  from?: string | undefined;
}

/**
 * The chosen stores (each a store of the chain) and the instant the chosen
 * day starts in the programme's time zone; today or no day: at once.
 */
async function placeOfPublication(
  ctx: SignedContext,
  programme: Programme,
  where: Where,
): Promise<{ stores?: string[]; from?: number }> {
  const place: { stores?: string[]; from?: number } = {};
  if (where.stores) {
    const chosen = [...new Set(where.stores)].sort();
    const known = new Set(
      (
        await ctx.db.query<{ id: string }>(
          'SELECT id FROM stores WHERE chain_id = $1 AND id = ANY($2::text[])',
          [ctx.scope.chainId, chosen],
        )
      ).map((r) => r.id),
    );
    if (chosen.some((id) => !known.has(id)))
      throw new BoError(
        'invalid_request',
        'a chosen store is not a store of this chain',
        'stores',
        msg(PUBLISH_REFUSALS.unknownStore),
      );
    place.stores = chosen;
  }
  if (where.from) {
    let day;
    try {
      day = parseIsoDate(where.from);
    } catch {
      throw new BoError(
        'invalid_request',
        `${where.from} is not a date`,
        'from',
        msg('backoffice.ui.programme.publish.badDate'),
      );
    }
    const today = localDateOf(ctx.now, programme.timeZone);
    if (dayNumber(day) < dayNumber(today))
      throw new BoError(
        'invalid_request',
        'the first day has passed; choose today or a later day',
        'from',
        msg(PUBLISH_REFUSALS.pastDate),
      );
    const start = startOfLocalDay(day, programme.timeZone);
    if (start > ctx.now) place.from = start;
  }
  return place;
}

async function publish(
  ctx: SignedContext,
  programme: Programme,
  extra: { rolledBackTo: string | null; note: string | null },
  where: Where = {},
): Promise<BoProgrammeVersion> {
  // The event must pass the tills' own bound for a configuration event.
  if (eventBytes({ programme }) > LIMITS.maxConfigEventBytes - ENVELOPE_BYTES)
    throw new BoError(
      'invalid_request',
      `the programme is larger than the ${LIMITS.maxConfigEventBytes} bytes an event may take`,
      'programme',
    );
  const { chainId } = ctx.scope;
  const place = await placeOfPublication(ctx, programme, where);
  const event = await saveProgramme(
    notingAuthor(ctx.db, (tx, eventId) =>
      tx
        .query(
          `INSERT INTO programme_versions (event_id, chain_id, account_id, rolled_back_to, note, created_at)
           VALUES ($1, $2, $3, $4, $5, $6)`,
          [eventId, chainId, ctx.account.accountId, extra.rolledBackTo, extra.note, ctx.now],
        )
        .then(() => undefined),
    ),
    chainId,
    { programme, staffId: null, ...place },
    ctx.now,
  );
  const { versions } = await newestVersions(ctx.db, ctx.scope, ctx.now, VERSIONS_LISTED);
  const version = versions.find((v) => v.eventId === event.id);
  if (!version) throw new Error('the published programme is not among the newest versions');
  return version;
}

/**
 * A member's fold with only what the preview reads: no phone, e-mail, card
 * token or PIN, and nothing naming a store, a till or a staff member (clocks
 * name their till), whichever store the account reaches.
 */
function forPreview(ledger: MemberLedger): MemberLedger {
  return {
    ...ledger,
    qrToken: '',
    phoneE164: null,
    profile: { ...ledger.profile, email: null },
    profileClock: {},
    enrolledStoreId: '',
    enrolledTerminalId: '',
    enrolledStaffId: null,
    consentHistory: [],
    pinHash: null,
    sales: ledger.sales.map((s) => ({ ...s, hlc: '', storeId: '', terminalId: '' })),
    lastHlc: '',
  };
}

export const programmeHandlers = {
  'programme.get': async (_input, ctx) => {
    const { versions, stored } = await newestVersions(ctx.db, ctx.scope, ctx.now, VERSIONS_LISTED);
    // The draft starts from the newest version this version of the cloud reads
    // (planned or for chosen stores too: the one last worked on).
    const at = stored.findIndex((v) => v.programme !== null);
    if (at < 0) return { programme: null, version: null };
    return { programme: stored[at]!.programme, version: versions[at]! };
  },

  'programme.publish': async (input, ctx) =>
    publish(ctx, input.programme, { rolledBackTo: null, note: input.note ?? null }, input),

  'programme.history': async (_input, ctx) =>
    (await newestVersions(ctx.db, ctx.scope, ctx.now, VERSIONS_LISTED)).versions,

  'programme.rollBack': async (input, ctx) => {
    const numberOf = await versionNumbers(ctx.db, ctx.scope.chainId);
    const eventId = [...numberOf].find(([, n]) => n === input.number)?.[0];
    if (eventId === undefined) throw notFound('the programme version');
    const [row] = await ctx.db.query<VersionRow>(`SELECT ${VERSION_COLUMNS} AND e.id = $2`, [
      ctx.scope.chainId,
      eventId,
    ]);
    if (!row) throw notFound('the programme version');
    const older = storedVersion(row);
    let programme: Programme;
    try {
      programme = parseProgramme(older.programme);
    } catch (error) {
      throw invalidInput((error as { issues?: [] }).issues ?? []);
    }
    return publish(ctx, programme, { rolledBackTo: older.eventId, note: null });
  },

  'programme.templates': async () =>
    startTemplates.map((t) => ({
      id: t.id,
      name: t.name,
      programme: t.programme,
      catalogue: t.catalogue,
    })),

  'programme.catalogue': async (_input, ctx) => {
    const rows = await ctx.db.query<{ payload: unknown }>(
      `SELECT payload FROM events WHERE chain_id = $1 AND type = 'catalogue.saved'
        ORDER BY hlc DESC, id DESC LIMIT 1`,
      [ctx.scope.chainId],
    );
    const parsed = rows[0] ? EventPayloads['catalogue.saved'].safeParse(rows[0].payload) : null;
    return parsed?.success ? (parsed.data.products as Product[]) : [];
  },

  'programme.previewMember': async (input, ctx) => {
    const typed = input.query.replace(/\s+/g, '');
    const chainId = ctx.scope.chainId;
    let found = /^\d{8,20}$/.test(typed)
      ? await lookupMembers(ctx.db, chainId, { memberNumber: typed })
      : [];
    if (found.length === 0) {
      const phone = normalisePhone(typed, 'NO');
      if (phone.ok) found = await lookupMembers(ctx.db, chainId, { phoneE164: phone.e164 });
    }
    const first = found[0];
    if (!first) return null;
    const ledger = foldMember(first.events as unknown as MemberEvent[]);
    if (!ledger || ledger.erased) return null;
    const name = [ledger.profile.firstName, ledger.profile.lastName].filter(Boolean).join(' ');
    const member: BoPreviewMember = {
      memberId: ledger.memberId,
      memberNumber: ledger.memberNumber,
      name,
      ledger: forPreview(ledger),
    };
    return member;
  },
} satisfies Pick<
  BoHandlers,
  | 'programme.get'
  | 'programme.publish'
  | 'programme.history'
  | 'programme.rollBack'
  | 'programme.templates'
  | 'programme.catalogue'
  | 'programme.previewMember'
>;

/**
 * Members imported from another system's CSV (src/contract/backoffice/imports.ts):
 * the upload in parts, the dry run, and the import itself.
 *
 * The import creates members as the cloud creates member events: each row a
 * `member.enrolled` from storeId 'cloud' (and a `member.consent_changed` per
 * consent with its recorded time and source), written into the event log so
 * every till pulls them, with the ledgers, lookup index and projections a push
 * would keep, by the import's bulk write (./bulk.ts: the members are new, so
 * nothing is read back). One transaction per chunk of IMPORT_CHUNK_ROWS rows.
 * Idempotent per row: a row's member id and event ids are derived from the
 * upload id and its row number, so a chunk made again (a call retried after a
 * lost answer) finds its members already there and creates nobody twice.
 *
 * Member numbers: the till's scheme (src/store/members.ts) is prefix + slot ×
 * 1,000,000 + counter, and the cloud gives terminals slots from 1 (SLOTS in
 * src/sync/protocol.ts): slot 0 is never a till's, so the cloud numbers
 * imported members in it, after the highest it has given, under a lock of
 * its own per chain.
 */
import { createHash, randomBytes } from 'node:crypto';
import { memberNumberFor } from '../../src/core/ean13';
import { EVENT_SCHEMA_VERSION } from '../../src/core/events';
import type { EventEnvelope, MemberEvent } from '../../src/core/events';
import { decodeHlc, encodeHlc, receiveHlc, tickHlc } from '../../src/core/hlc';
import type { Hlc } from '../../src/core/hlc';
import { msg } from '../../src/core/i18n';
import type { Locale } from '../../src/core/i18n';
import {
  mappingProblem,
  planImport,
  suggestMapping,
  withMembers,
} from '../../src/core/imports/plan';
import type { ImportCandidate, ImportMapping, ImportPlan } from '../../src/core/imports/plan';
import type { Programme } from '../../src/core/programme';
import { isoDate, localDateOf } from '../../src/core/time';
import {
  IMPORT_CHUNK_ROWS,
  IMPORT_MAX_BYTES,
  IMPORT_PROBLEMS_SHOWN,
  IMPORT_RUN_ROWS,
  importRefusals,
} from '../../src/contract/backoffice/imports';
import type {
  BoImportPreview,
  BoImportProblem,
  BoImportProgress,
  BoImportReport,
} from '../../src/contract/backoffice/imports';
import { render } from '../../src/i18n/render';
import type { Database, Queryable } from '../db/database';
import { newestHlc } from '../event-log';
import { CLOUD_ORIGIN } from '../programme-change';
import { programmeInForce } from '../programme';
import { lockNewIdentities } from '../members';
import { SLOT_ZERO_LAST_SERIAL, lastSlotZeroSerial, lockSlotZero } from '../slot-zero';
import { BoError } from '../backoffice/errors';
import { toCsv } from '../segments/csv';
import { newMembersBasis, newMembersRows, writeNewMembers } from './bulk';
import type { NewMembersBasis, NewMembersRows } from './bulk';
import { parseImport } from './parse';
import { dropUpload, findUpload, holdPart, newUpload, takeFile, uploadLimits } from './uploads';
import type { Upload } from './uploads';

/** Who imports: the chain and the account (the events' author). */
export interface Importer {
  chainId: string;
  accountId: string;
}

/**
 * The id of something a row creates (its member, its events): UUIDv7-shaped as
 * every event id is (the upload's time, then bits of a hash of the upload, the
 * row and what it is), so the same row of the same upload always gets the same.
 */
export function rowId(upload: Pick<Upload, 'id' | 'createdAt'>, row: number, what: string): string {
  const hash = createHash('sha256').update(`${upload.id}:${row}:${what}`).digest();
  const bytes = Buffer.alloc(16);
  bytes.writeUIntBE(upload.createdAt, 0, 6);
  hash.copy(bytes, 6, 0, 10);
  bytes[6] = 0x70 | (bytes[6]! & 0x0f);
  bytes[8] = 0x80 | (bytes[8]! & 0x3f);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const gone = () =>
  new BoError(
    'not_found',
    'no such upload (a whole file is kept for an hour, an unfinished one 5 minutes after its last part)',
    'uploadId',
    importRefusals.gone(),
  );

function uploadOf(who: Importer, uploadId: string, now: number): Upload {
  const upload = findUpload(uploadId, who.chainId, who.accountId, now);
  if (!upload) throw gone();
  return upload;
}

function previewOf(upload: Upload): BoImportPreview {
  const parsed = upload.parsed!;
  return {
    uploadId: upload.id,
    fileName: upload.fileName,
    bytes: upload.bytes,
    encoding: parsed.encoding,
    delimiter: parsed.delimiter,
    header: parsed.header,
    rows: parsed.records.length + parsed.broken.length,
    sample: parsed.records.slice(0, 5).map((r) => [...r.cells]),
    suggested: suggestMapping(parsed.header),
  };
}

/** A part of a file; the last one parses it and answers what was found. */
export function receivePart(
  who: Importer,
  input: { uploadId: string | null; fileName: string; part: number; data: string; last: boolean },
  now: number,
): { uploadId: string; preview: BoImportPreview | null } {
  const upload =
    input.uploadId === null
      ? newUpload(who.chainId, who.accountId, input.fileName, now)
      : uploadOf(who, input.uploadId, now);
  if (input.part !== upload.parts.length || upload.parsed !== null)
    throw new BoError(
      'invalid_request',
      `expected part ${upload.parts.length}`,
      'part',
      importRefusals.part(),
    );
  const bytes = Buffer.from(input.data, 'base64');
  // A refused part ends its upload: what it held is freed at once, not an hour later.
  if (upload.bytes + bytes.length > IMPORT_MAX_BYTES) {
    dropUpload(upload);
    throw new BoError(
      'invalid_request',
      `a file takes at most ${IMPORT_MAX_BYTES} bytes`,
      'data',
      importRefusals.tooLarge(IMPORT_MAX_BYTES / 1024 / 1024),
    );
  }
  if (!holdPart(upload, bytes)) {
    dropUpload(upload);
    throw new BoError(
      'unavailable',
      `the cloud holds ${uploadLimits.maxBytesInFlight} bytes of uploads at once, a chain's at most half`,
      'data',
      importRefusals.busy(),
      30,
    );
  }
  if (!input.last) return { uploadId: upload.id, preview: null };
  upload.parsed = parseImport(takeFile(upload));
  if (upload.parsed.records.length + upload.parsed.broken.length === 0)
    throw new BoError(
      'invalid_request',
      'no rows below the header',
      'data',
      importRefusals.empty(),
    );
  return { uploadId: upload.id, preview: previewOf(upload) };
}

/** Reads a whole file at once (the benchmark, tests): an upload of one part. */
export function uploadFile(who: Importer, fileName: string, bytes: Uint8Array, now: number) {
  const upload = newUpload(who.chainId, who.accountId, fileName, now);
  upload.bytes = bytes.length;
  upload.parsed = parseImport(bytes);
  return previewOf(upload);
}

function checkMapping(upload: Upload, mapping: ImportMapping): void {
  const problem = mappingProblem(mapping, upload.parsed!.header.length);
  if (problem)
    throw new BoError('invalid_request', 'the mapping cannot be used', 'mapping', problem);
}

/** The chain's live members holding any of these phones, by phone, with their numbers. */
async function membersByPhone(
  db: Queryable,
  chainId: string,
  phones: readonly string[],
): Promise<Map<string, { memberId: string; memberNumber: string }>> {
  if (phones.length === 0) return new Map();
  const rows = await db.query<{ phone_e164: string; member_id: string; member_number: string }>(
    `SELECT phone_e164, member_id, member_number FROM members
      WHERE chain_id = $1 AND NOT erased AND phone_e164 = ANY($2::text[])`,
    [chainId, phones],
  );
  return new Map(
    rows.map((r) => [r.phone_e164, { memberId: r.member_id, memberNumber: r.member_number }]),
  );
}

/** The plan for this mapping against the chain's members now (kept for the import calls). */
async function planOf(
  db: Queryable,
  who: Importer,
  upload: Upload,
  mapping: ImportMapping,
  now: number,
  fresh: boolean,
): Promise<ImportPlan> {
  checkMapping(upload, mapping);
  const key = JSON.stringify(mapping);
  const kept = upload.plans.get(key);
  if (kept && !fresh) return kept;
  const parsed = upload.parsed!;
  const programme = await programmeInForce(db, who.chainId);
  const timeZone = programme.timeZone;
  const options = { today: isoDate(localDateOf(now, timeZone)), now, timeZone };
  // The file read once; then the members holding the phones it found.
  const read = planImport(parsed.header, parsed.records, parsed.broken, mapping, {
    ...options,
    existingPhones: new Map(),
  });
  const holders = await membersByPhone(
    db,
    who.chainId,
    read.candidates.map((c) => c.phoneE164),
  );
  // A member this upload created (an earlier run) is no obstacle to its own row.
  const existing = new Map<string, string>();
  for (const c of read.candidates) {
    const holder = holders.get(c.phoneE164);
    if (holder && holder.memberId !== rowId(upload, c.row, 'member'))
      existing.set(c.phoneE164, holder.memberNumber);
  }
  const plan = withMembers(read, existing, parsed.header[mapping.phone!] ?? null);
  upload.plans.set(key, plan);
  return plan;
}

const problemOf = (p: BoImportProblem): BoImportProblem => ({
  row: p.row,
  column: p.column,
  reason: p.reason,
});

const REPORT_HEADINGS: Record<Locale, string[]> = {
  nb: ['Rad', 'Kolonne', 'Årsak', 'Importert'],
  en: ['Row', 'Column', 'Reason', 'Imported'],
  sv: ['Rad', 'Kolumn', 'Orsak', 'Importerad'],
};
const YES_NO: Record<Locale, [string, string]> = {
  nb: ['ja', 'nei'],
  en: ['yes', 'no'],
  sv: ['ja', 'nej'],
};

export async function dryRun(
  db: Queryable,
  who: Importer,
  uploadId: string,
  mapping: ImportMapping,
  locale: Locale,
  now: number,
): Promise<BoImportReport> {
  const upload = uploadOf(who, uploadId, now);
  const plan = await planOf(db, who, upload, mapping, now, true);
  const [yes, no] = YES_NO[locale];
  const lines = [
    ...plan.refused.map((p) => ({ p, taken: no })),
    ...plan.notes.map((p) => ({ p, taken: yes })),
  ].sort((a, b) => a.p.row - b.p.row);
  return {
    rows: plan.rows,
    take: plan.candidates.length,
    refusedCount: plan.refused.length,
    notesCount: plan.notes.length,
    refused: plan.refused.slice(0, IMPORT_PROBLEMS_SHOWN).map(problemOf),
    notes: plan.notes.slice(0, IMPORT_PROBLEMS_SHOWN).map(problemOf),
    reportCsv: toCsv(
      REPORT_HEADINGS[locale],
      lines.map(({ p, taken }) => [p.row, p.column, render(p.reason, locale), taken]),
    ),
  };
}

/** base64url of 16 random bytes: a member card's secret, as a till makes one. */
const newQrToken = () => randomBytes(16).toString('base64url');

type Envelope = EventEnvelope<'member.enrolled'> | EventEnvelope<'member.consent_changed'>;

/** What a chunk's events and rows are made from: read in its transaction, under the slot-zero lock. */
interface ChunkBasis {
  /** The programme numbering the members (its prefix, its terms). */
  programme: Programme;
  /** What the members' rows are made with. */
  members: NewMembersBasis;
  /** The highest serial slot 0 has given. */
  serial: number;
  /** The chain's newest clock. */
  newest: string | null;
  /** The chunk's rows to create: not imported before, their phone held by no other member. */
  create: readonly ImportCandidate[];
}

/** Bases equal as values: a chunk made ahead is used only when its transaction reads the same. */
const basisKey = (b: ChunkBasis) =>
  JSON.stringify([b.programme, b.members, b.serial, b.newest, b.create.map((c) => c.row)]);

/** A chunk's events and rows, made from a basis. */
export interface MadeChunk {
  key: string;
  rows: NewMembersRows;
  /** The last serial given to its members, and the newest clock of its events (the basis's when none). */
  serial: number;
  newest: string | null;
}

/** Rows whose events are made between two pauses, when made ahead. */
const ROWS_PER_SLICE = 25;

/** Lets the other chunk's statements be sent and answered between two slices of work. */
const pause = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The chunk's events (numbers, clocks) and rows from its basis; with `slowly`, in slices between pauses. */
async function makeChunk(
  who: Importer,
  upload: Upload,
  basis: ChunkBasis,
  now: number,
  slowly: boolean,
): Promise<MadeChunk> {
  const { programme } = basis;
  let serial = basis.serial;
  let clock: Hlc = basis.newest
    ? receiveHlc(null, decodeHlc(basis.newest), now, CLOUD_ORIGIN)
    : { wallMs: now, counter: 0, node: CLOUD_ORIGIN };
  const events: Envelope[] = [];
  const envelope = <T extends Envelope['type']>(
    type: T,
    id: string,
    memberId: string,
    payload: EventEnvelope<T>['payload'],
  ) => {
    clock = tickHlc(clock, now, CLOUD_ORIGIN);
    return {
      id,
      chainId: who.chainId,
      storeId: CLOUD_ORIGIN,
      terminalId: CLOUD_ORIGIN,
      hlc: encodeHlc(clock),
      type,
      memberId,
      payload,
      schemaVersion: EVENT_SCHEMA_VERSION,
    } as EventEnvelope<T>;
  };
  for (const [i, c] of basis.create.entries()) {
    if (slowly && i > 0 && i % ROWS_PER_SLICE === 0) await pause();
    const memberId = rowId(upload, c.row, 'member');
    serial += 1;
    if (serial > SLOT_ZERO_LAST_SERIAL)
      throw new BoError('invalid_request', 'slot 0 is full', null, importRefusals.numbers());
    events.push(
      envelope('member.enrolled', rowId(upload, c.row, 'enrolled'), memberId, {
        memberNumber: memberNumberFor(programme.memberNumberPrefix, serial),
        qrToken: newQrToken(),
        phoneE164: c.phoneE164,
        profile: c.profile,
        termsVersion: programme.termsVersion,
        consents: { sms: false, email: false },
        referrerId: null,
        staffId: who.accountId,
        at: now,
      }),
    );
    for (const channel of ['sms', 'email'] as const) {
      if (!c.consents[channel] || c.consentGiven === null) continue;
      // When and where the member gave it, as the other system recorded it (`source` rides
      // along in the payload: events keep fields their schema does not name).
      const payload = {
        channel,
        granted: true,
        termsVersion: programme.termsVersion,
        staffId: who.accountId,
        at: c.consentGiven.at,
        source: c.consentGiven.source,
      };
      events.push(
        envelope('member.consent_changed', rowId(upload, c.row, channel), memberId, payload),
      );
    }
  }
  const memberEvents = events as unknown as MemberEvent[];
  return {
    key: basisKey(basis),
    rows: await newMembersRows(
      who.chainId,
      memberEvents,
      basis.members,
      now,
      slowly ? pause : undefined,
    ),
    serial,
    newest: events.at(-1)?.hlc ?? basis.newest,
  };
}

/**
 * One chunk in one transaction: its members created, or found already created.
 * `ahead` is the chunk made before the transaction from the basis the previous
 * chunk left (used only if the transaction reads that same basis, else made
 * again here); `madeOne` hears the basis and the chunk once they are settled,
 * so the next chunk can be made while this one's statements run.
 */
async function importChunk(
  db: Database,
  who: Importer,
  upload: Upload,
  chunk: readonly ImportCandidate[],
  now: number,
  ahead: Promise<MadeChunk | null> | null,
  madeOne: (basis: ChunkBasis, made: MadeChunk) => void,
): Promise<{ created: number; alreadyImported: number; refused: BoImportProblem[] }> {
  return db.transaction(async (tx) => {
    await lockSlotZero(tx, who.chainId);
    const programme = await programmeInForce(tx, who.chainId);
    const serial = await lastSlotZeroSerial(tx, who.chainId, programme.memberNumberPrefix);
    const serials = Math.min(chunk.length, SLOT_ZERO_LAST_SERIAL - serial);
    await lockNewIdentities(
      tx,
      who.chainId,
      chunk.map((c) => c.phoneE164),
      Array.from({ length: serials }, (_, i) =>
        memberNumberFor(programme.memberNumberPrefix, serial + 1 + i),
      ),
    );
    const ids = chunk.map((c) => rowId(upload, c.row, 'member'));
    const holders = await membersByPhone(
      tx,
      who.chainId,
      chunk.map((c) => c.phoneE164),
    );
    const newest = await newestHlc(tx, who.chainId);
    const refused: BoImportProblem[] = [];
    const create: ImportCandidate[] = [];
    let done = 0;
    chunk.forEach((c, i) => {
      const memberId = ids[i]!;
      const holder = holders.get(c.phoneE164);
      // Its member holds its phone: imported by an earlier call. (One since erased or
      // given another phone is found by its stored events below.)
      if (holder?.memberId === memberId) {
        done += 1;
        return;
      }
      if (holder) {
        refused.push({
          row: c.row,
          column: null,
          reason: msg('backoffice.import.reason.alreadyMember', { number: holder.memberNumber }),
        });
        return;
      }
      create.push(c);
    });
    if (create.length > 0) {
      const members = await newMembersBasis(tx, who.chainId, now);
      const basis: ChunkBasis = { programme, members, serial, newest, create };
      let made = ahead ? await ahead : null;
      if (made?.key !== basisKey(basis)) made = await makeChunk(who, upload, basis, now, false);
      madeOne(basis, made);
      const stored = new Set(await writeNewMembers(tx, who.chainId, made.rows, members, now));
      const created = create.filter((c) => stored.has(rowId(upload, c.row, 'enrolled'))).length;
      return { created, alreadyImported: done + create.length - created, refused };
    }
    return { created: 0, alreadyImported: done, refused };
  });
}

/**
 * Imports the plan's members from index `from`, IMPORT_RUN_ROWS at most, a
 * chunk of IMPORT_CHUNK_ROWS per transaction; says how far it got.
 */
export async function runImport(
  db: Database,
  who: Importer,
  uploadId: string,
  mapping: ImportMapping,
  from: number,
  now: number,
  rowsPerCall = IMPORT_RUN_ROWS,
): Promise<BoImportProgress> {
  const upload = uploadOf(who, uploadId, now);
  const plan = await planOf(db, who, upload, mapping, now, false);
  const total = plan.candidates.length;
  const end = Math.min(total, from + rowsPerCall);
  const progress: BoImportProgress = {
    done: end,
    total,
    finished: end >= total,
    created: 0,
    alreadyImported: 0,
    refused: [],
  };
  const phoneColumn = upload.parsed!.header[mapping.phone!] ?? null;
  const mappingKey = JSON.stringify(mapping);
  // The chunk the previous call made ahead for this one, if it starts where that call ended.
  let ahead =
    upload.ahead?.from === from && upload.ahead.mapping === mappingKey ? upload.ahead.made : null;
  upload.ahead = null;
  for (let at = from; at < end; at += IMPORT_CHUNK_ROWS) {
    const chunk = plan.candidates.slice(at, Math.min(end, at + IMPORT_CHUNK_ROWS));
    // The next chunk (this call's, or the next call's first) is made while this one is written,
    // from the basis this one leaves if nothing else numbers or writes the chain meanwhile.
    const nextAt = at + chunk.length;
    const next = plan.candidates.slice(
      nextAt,
      Math.min(nextAt < end ? end : total, nextAt + IMPORT_CHUNK_ROWS),
    );
    let following: Promise<MadeChunk | null> | null = null;
    const result = await importChunk(db, who, upload, chunk, now, ahead, (basis, made) => {
      if (next.length === 0) return;
      const guess = { ...basis, serial: made.serial, newest: made.newest, create: next };
      // A failure is met again, in its transaction, where the chunk is made anew.
      following = makeChunk(who, upload, guess, now, true).catch(() => null);
    });
    ahead = following;
    progress.created += result.created;
    progress.alreadyImported += result.alreadyImported;
    progress.refused.push(...result.refused.map((p) => ({ ...p, column: phoneColumn })));
  }
  if (ahead) upload.ahead = { from: end, mapping: mappingKey, made: ahead };
  return progress;
}

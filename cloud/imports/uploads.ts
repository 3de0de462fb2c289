/**
 * Uploaded import files, held by this cloud process until imported: the parts
 * as they come, then the file parsed once (its rows are what the dry run and
 * every import call read). Held in memory, not in the database: a file is
 * wanted for the minutes between upload and import, and nothing of it must
 * outlive the import (it holds another system's personal data). An upload is
 * forgotten an hour after its last use, or when the process restarts: the
 * owner uploads it again, and rows already imported are then refused as
 * members already (never imported twice). One not yet whole goes sooner (its
 * parts hold memory, and the back office never resumes one): 5 minutes
 * without a new part, or when its account starts another.
 */
import { randomUUID } from 'node:crypto';
import { IMPORT_MAX_BYTES } from '../../src/contract/backoffice/imports';
import type { ImportPlan } from '../../src/core/imports/plan';
import type { ParsedImport } from './parse';
import type { MadeChunk } from './run';

export interface Upload {
  id: string;
  chainId: string;
  accountId: string;
  fileName: string;
  parts: Buffer[];
  bytes: number;
  parsed: ParsedImport | null;
  /** Plans by mapping (JSON): computed once per mapping, read by every import call. */
  plans: Map<string, ImportPlan>;
  /** The chunk the last import call made for the call starting at `from` with this mapping (JSON). */
  ahead: { from: number; mapping: string; made: Promise<MadeChunk | null> } | null;
  createdAt: number;
  usedAt: number;
}

const KEEP_MS = 60 * 60 * 1000;
/** An unfinished upload's time without a new part before it goes: the back office sends them back to back. */
const IDLE_PART_MS = 5 * 60 * 1000;
/**
 * Uploads held at once per chain: past this the chain's own oldest goes first
 * (one chain's uploads never push out another chain's).
 */
const MAX_UPLOADS_PER_CHAIN = 5;

/**
 * Parts held at once over all uploads of the process: each file may be
 * IMPORT_MAX_BYTES, but many owners uploading at once must not fill the
 * memory. A part past it is refused (the owner tries again in a moment).
 * One chain holds at most half of it, so another chain always has room.
 * Tests lower it.
 */
export const uploadLimits = { maxBytesInFlight: 4 * IMPORT_MAX_BYTES };

const uploads = new Map<string, Upload>();
/** The bytes of all uploads' parts not yet parsed. */
let bytesInFlight = 0;
/** bytesInFlight by chain (a chain with none is not kept). */
const chainBytesInFlight = new Map<string, number>();

function countBytes(chainId: string, bytes: number): void {
  bytesInFlight += bytes;
  const held = (chainBytesInFlight.get(chainId) ?? 0) + bytes;
  if (held === 0) chainBytesInFlight.delete(chainId);
  else chainBytesInFlight.set(chainId, held);
}

export function uploadBytesInFlight(): number {
  return bytesInFlight;
}

/** The upload's parts let go of (parsed, or the upload forgotten); what they held is free again. */
function releaseParts(upload: Upload): Buffer[] {
  const parts = upload.parts;
  for (const part of parts) countBytes(upload.chainId, -part.length);
  upload.parts = [];
  return parts;
}

function forget(upload: Upload): void {
  releaseParts(upload);
  uploads.delete(upload.id);
}

function forgetOld(now: number): void {
  for (const upload of uploads.values()) {
    const keepMs = upload.parsed === null ? IDLE_PART_MS : KEEP_MS;
    if (now - upload.usedAt > keepMs) forget(upload);
  }
}

/**
 * Makes room for one more upload of the account: its unfinished ones go (the
 * back office starts every file anew, so they will never be finished), and
 * the chain's oldest past its count (Map order: oldest first).
 */
function makeRoom(chainId: string, accountId: string): void {
  for (const upload of uploads.values())
    if (upload.accountId === accountId && upload.chainId === chainId && upload.parsed === null)
      forget(upload);
  const held = [...uploads.values()].filter((u) => u.chainId === chainId);
  for (const upload of held.slice(0, Math.max(0, held.length - MAX_UPLOADS_PER_CHAIN + 1)))
    forget(upload);
}

/**
 * Holds a part of the upload; false (nothing held) when the process holds too
 * much already, or the upload's chain half of it.
 */
export function holdPart(upload: Upload, part: Buffer): boolean {
  if (bytesInFlight + part.length > uploadLimits.maxBytesInFlight) return false;
  const chainHeld = chainBytesInFlight.get(upload.chainId) ?? 0;
  if (chainHeld + part.length > uploadLimits.maxBytesInFlight / 2) return false;
  upload.parts.push(part);
  upload.bytes += part.length;
  countBytes(upload.chainId, part.length);
  return true;
}

/** The whole file, its parts let go of (to be parsed). */
export function takeFile(upload: Upload): Buffer {
  return Buffer.concat(releaseParts(upload));
}

/** Forgets the upload now (a part refused, a file that does not parse): its bytes are free. */
export function dropUpload(upload: Upload): void {
  forget(upload);
}

export function newUpload(chainId: string, accountId: string, fileName: string, now: number) {
  forgetOld(now);
  makeRoom(chainId, accountId);
  const upload: Upload = {
    id: randomUUID(),
    chainId,
    accountId,
    fileName,
    parts: [],
    bytes: 0,
    parsed: null,
    plans: new Map(),
    ahead: null,
    createdAt: now,
    usedAt: now,
  };
  uploads.set(upload.id, upload);
  return upload;
}

/** The upload, if it is this account's (another account's or chain's is as good as gone). */
export function findUpload(id: string, chainId: string, accountId: string, now: number) {
  forgetOld(now);
  const upload = uploads.get(id);
  if (!upload || upload.chainId !== chainId || upload.accountId !== accountId) return null;
  upload.usedAt = now;
  return upload;
}

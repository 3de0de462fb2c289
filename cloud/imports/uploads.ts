/**
 * Uploaded import files, held by this cloud process until imported: the parts
 * as they come, then the file parsed once (its rows are what the dry run and
 * every import call read). Held in memory, not in the database: a file is
 * wanted for the minutes between upload and import, and nothing of it must
 * outlive the import (it holds another system's personal data). An upload is
 * forgotten an hour after its last use, or when the process restarts: the
 * owner uploads it again, and rows already imported are then refused as
 * members already (never imported twice).
 */
import { randomUUID } from 'node:crypto';
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
/**
 * Uploads held at once per chain: past this the chain's own oldest goes first
 * (one chain's uploads never push out another chain's).
 */
const MAX_UPLOADS_PER_CHAIN = 5;

const uploads = new Map<string, Upload>();

function forgetOld(now: number): void {
  for (const [id, upload] of uploads) if (now - upload.usedAt > KEEP_MS) uploads.delete(id);
}

/** Makes room for one more of the chain's uploads (Map order: oldest first). */
function makeRoom(chainId: string): void {
  const held = [...uploads.values()].filter((u) => u.chainId === chainId);
  for (const upload of held.slice(0, Math.max(0, held.length - MAX_UPLOADS_PER_CHAIN + 1)))
    uploads.delete(upload.id);
}

export function newUpload(chainId: string, accountId: string, fileName: string, now: number) {
  forgetOld(now);
  makeRoom(chainId);
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

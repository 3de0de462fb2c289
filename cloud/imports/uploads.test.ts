/**
 * The cap on upload bytes held by the process (all owners' uploads
 * together): a part past it is refused with the catalogue's words and its
 * upload let go of, and the bytes are free again when a file is parsed, when
 * an upload expires, and when a chain's newer uploads push an old one out.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BoError } from '../backoffice/errors';
import { receivePart } from './run';
import { findUpload, uploadBytesInFlight, uploadLimits } from './uploads';

const NOW = Date.UTC(2026, 11, 7, 8);
const HOUR = 60 * 60 * 1000;
const CAP = 1_000;

/** A CSV of `rows` members, base64 as the back office sends its parts. */
function csv(rows: number): Buffer {
  const lines = ['telefon;fornavn'];
  for (let i = 0; i < rows; i++) lines.push(`9${String(1_000_000 + i).padStart(7, '0')};Kari`);
  return Buffer.from(`${lines.join('\n')}\n`);
}

const part = (
  who: { chainId: string; accountId: string },
  uploadId: string | null,
  index: number,
  bytes: Buffer,
  last: boolean,
  now = NOW,
) =>
  receivePart(
    who,
    { uploadId, fileName: 'medlemmer.csv', part: index, data: bytes.toString('base64'), last },
    now,
  );

function refusal(run: () => unknown): BoError {
  try {
    run();
  } catch (error) {
    if (error instanceof BoError) return error;
    throw error;
  }
  throw new Error('not refused');
}

describe('upload bytes in flight over the whole process', () => {
  const before = uploadLimits.maxBytesInFlight;
  beforeEach(() => {
    uploadLimits.maxBytesInFlight = CAP;
  });
  afterEach(() => {
    uploadLimits.maxBytesInFlight = before;
  });

  it('is 4 files of the largest size by default', () => {
    expect(before).toBe(4 * 40 * 1024 * 1024);
  });

  it('refuses a part past the cap, frees the bytes when a file is parsed, expires or is pushed out', () => {
    const kari = { chainId: 'chain-a', accountId: 'owner-a' };
    const ola = { chainId: 'chain-b', accountId: 'owner-b' };
    const file = csv(60);
    expect(file.length).toBeGreaterThan(700);
    expect(uploadBytesInFlight()).toBe(0);

    // Kari's first part: 600 bytes held.
    const first = part(kari, null, 0, file.subarray(0, 600), false);
    expect(uploadBytesInFlight()).toBe(600);

    // Ola's 500 would make 1 100: refused in the catalogue's words, nothing of it held.
    const busy = refusal(() => part(ola, null, 0, Buffer.alloc(500, 0x41), false));
    expect(busy.code).toBe('unavailable');
    expect(busy.field).toBe('data');
    expect(busy.said).toEqual({ key: 'backoffice.import.error.busy' });
    expect(busy.retryAfterSeconds).toBe(30);
    expect(uploadBytesInFlight()).toBe(600);

    // 300 fit.
    const olas = part(ola, null, 0, file.subarray(0, 300), false);
    expect(uploadBytesInFlight()).toBe(900);

    // Kari's second part does not fit either: refused, and her upload is gone with its 600.
    const rest = file.subarray(600);
    expect(rest.length).toBeGreaterThan(100);
    expect(refusal(() => part(kari, first.uploadId, 1, rest, true)).code).toBe('unavailable');
    expect(findUpload(first.uploadId, kari.chainId, kari.accountId, NOW)).toBeNull();
    expect(uploadBytesInFlight()).toBe(300);

    // Ola's file ends and is parsed: its bytes are free.
    const parsed = part(ola, olas.uploadId, 1, file.subarray(300), true);
    expect(parsed.preview).not.toBeNull();
    expect(uploadBytesInFlight()).toBe(0);

    // A held upload that expires (an hour unused) frees its bytes.
    part(kari, null, 0, file.subarray(0, 400), false);
    expect(uploadBytesInFlight()).toBe(400);
    part(ola, null, 0, file.subarray(0, 100), false, NOW + HOUR + 1);
    expect(uploadBytesInFlight()).toBe(100);

    // A chain's sixth upload pushes its oldest out, and that one's bytes are free.
    for (let i = 0; i < 5; i++) part(kari, null, 0, Buffer.alloc(100, 0x41), false, NOW + HOUR + 2);
    expect(uploadBytesInFlight()).toBe(600);
    part(ola, null, 0, Buffer.alloc(100, 0x41), false, NOW + HOUR + 3);
    part(ola, null, 0, Buffer.alloc(100, 0x41), false, NOW + HOUR + 3);
    part(ola, null, 0, Buffer.alloc(100, 0x41), false, NOW + HOUR + 3);
    part(ola, null, 0, Buffer.alloc(100, 0x41), false, NOW + HOUR + 3);
    expect(uploadBytesInFlight()).toBe(1_000);
    // Ola's sixth: the first of hers (100 bytes) goes, so this one fits.
    part(ola, null, 0, Buffer.alloc(100, 0x41), false, NOW + HOUR + 4);
    expect(uploadBytesInFlight()).toBe(1_000);
  });
});

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
const MINUTE = 60 * 1000;
const FAR_FUTURE = Number.MAX_SAFE_INTEGER;
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
    // Every upload expires: the next test starts with none held.
    findUpload('none', 'none', 'none', FAR_FUTURE);
  });

  it('is 4 files of the largest size by default', () => {
    expect(before).toBe(4 * 40 * 1024 * 1024);
  });

  it('refuses a part past the cap, frees the bytes when a file is parsed or an upload is pushed out', () => {
    const kari = { chainId: 'chain-a', accountId: 'owner-a' };
    const ola = { chainId: 'chain-b', accountId: 'owner-b' };
    const per = { chainId: 'chain-c', accountId: 'owner-c' };
    const file = csv(28);
    expect(file.length).toBeGreaterThan(400);
    expect(file.length).toBeLessThanOrEqual(CAP / 2);
    expect(uploadBytesInFlight()).toBe(0);

    // Kari's and Ola's first parts: 600 bytes held.
    const first = part(kari, null, 0, file.subarray(0, 300), false);
    const olas = part(ola, null, 0, file.subarray(0, 300), false);
    expect(uploadBytesInFlight()).toBe(600);

    // Per's 500 would make 1 100: refused in the catalogue's words, nothing of it held.
    const busy = refusal(() => part(per, null, 0, Buffer.alloc(500, 0x41), false));
    expect(busy.code).toBe('unavailable');
    expect(busy.field).toBe('data');
    expect(busy.said).toEqual({ key: 'backoffice.import.error.busy' });
    expect(busy.retryAfterSeconds).toBe(30);
    expect(uploadBytesInFlight()).toBe(600);

    // 400 fit.
    part(per, null, 0, Buffer.alloc(400, 0x41), false);
    expect(uploadBytesInFlight()).toBe(1_000);

    // Kari's second part does not fit either: refused, and her upload is gone with its 300.
    const rest = file.subarray(300);
    expect(rest.length).toBeGreaterThan(100);
    expect(refusal(() => part(kari, first.uploadId, 1, rest, true)).code).toBe('unavailable');
    expect(findUpload(first.uploadId, kari.chainId, kari.accountId, NOW)).toBeNull();
    expect(uploadBytesInFlight()).toBe(700);

    // Ola's file ends and is parsed: its bytes are free.
    const parsed = part(ola, olas.uploadId, 1, rest, true);
    expect(parsed.preview).not.toBeNull();
    expect(uploadBytesInFlight()).toBe(400);

    // A chain's sixth upload pushes its oldest out, and that one's bytes are free.
    const staff = (n: number) => ({ chainId: 'chain-b', accountId: `staff-${n}` });
    for (let n = 1; n <= 5; n++) part(staff(n), null, 0, Buffer.alloc(100, 0x41), false);
    expect(uploadBytesInFlight()).toBe(900);
    part(staff(6), null, 0, Buffer.alloc(100, 0x41), false);
    expect(uploadBytesInFlight()).toBe(900);
  });

  it('gives another chain room whatever one chain left unfinished', () => {
    const owner = (n: number) => ({ chainId: 'chain-a', accountId: `owner-a-${n}` });
    const ola = { chainId: 'chain-b', accountId: 'owner-b' };
    // Two of chain A's people start uploads and leave them: half the cap is held.
    part(owner(1), null, 0, Buffer.alloc(250, 0x41), false);
    part(owner(2), null, 0, Buffer.alloc(250, 0x41), false);
    expect(uploadBytesInFlight()).toBe(500);
    // A third of chain A's would take more than half: refused, nothing of it held.
    const refused = refusal(() => part(owner(3), null, 0, Buffer.alloc(250, 0x41), false));
    expect(refused.code).toBe('unavailable');
    expect(refused.said).toEqual({ key: 'backoffice.import.error.busy' });
    expect(uploadBytesInFlight()).toBe(500);
    // Chain B gets the other half.
    const olas = part(ola, null, 0, Buffer.alloc(500, 0x41), false);
    expect(olas.uploadId).toBeTruthy();
    expect(uploadBytesInFlight()).toBe(1_000);
  });

  it('lets go of an account’s unfinished upload when it starts another, keeping its parsed one', () => {
    const kari = { chainId: 'chain-a', accountId: 'owner-a' };
    const colleague = { chainId: 'chain-a', accountId: 'staff-a' };
    const file = csv(10);
    const done = part(kari, null, 0, file, true);
    expect(done.preview).not.toBeNull();
    const theirs = part(colleague, null, 0, Buffer.alloc(100, 0x41), false);
    const abandoned = part(kari, null, 0, Buffer.alloc(400, 0x41), false);
    expect(uploadBytesInFlight()).toBe(500);
    // Kari starts again (the back office never resumes an upload): her unfinished one goes.
    const again = part(kari, null, 0, Buffer.alloc(400, 0x41), false);
    expect(findUpload(abandoned.uploadId, kari.chainId, kari.accountId, NOW)).toBeNull();
    expect(findUpload(again.uploadId, kari.chainId, kari.accountId, NOW)).not.toBeNull();
    expect(uploadBytesInFlight()).toBe(500);
    // Her parsed file and her colleague's upload stay.
    expect(findUpload(done.uploadId, kari.chainId, kari.accountId, NOW)).not.toBeNull();
    expect(findUpload(theirs.uploadId, colleague.chainId, colleague.accountId, NOW)).not.toBeNull();
  });

  it('expires an unfinished upload with no new part for 5 minutes; a parsed one is kept an hour', () => {
    const kari = { chainId: 'chain-a', accountId: 'owner-a' };
    const ola = { chainId: 'chain-b', accountId: 'owner-b' };
    const file = csv(28);
    const parsed = part(ola, null, 0, csv(10), true, NOW);
    // Kari's parts 4 minutes apart keep her upload going.
    const slow = part(kari, null, 0, file.subarray(0, 100), false, NOW);
    part(kari, slow.uploadId, 1, file.subarray(100, 200), false, NOW + 4 * MINUTE);
    part(kari, slow.uploadId, 2, file.subarray(200, 300), false, NOW + 8 * MINUTE);
    expect(uploadBytesInFlight()).toBe(300);
    // Left 5 minutes after her last part: gone, its bytes free, whoever asks next.
    const idle = NOW + 13 * MINUTE + 1;
    part(ola, null, 0, Buffer.alloc(100, 0x41), false, idle);
    expect(uploadBytesInFlight()).toBe(100);
    expect(findUpload(slow.uploadId, kari.chainId, kari.accountId, idle)).toBeNull();
    // Ola's parsed file waits for its import.
    expect(
      findUpload(parsed.uploadId, ola.chainId, ola.accountId, NOW + 50 * MINUTE),
    ).not.toBeNull();
  });
});

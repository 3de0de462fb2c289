import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { foldMember } from '../core/member';
import { memberEvents } from '../core/member/test-events';
import { readLedgers, workerPageReader } from './snapshot-reader';

const origin = { chainId: 'c', storeId: 's', terminalId: 't' };
const deflated = (value: unknown) => deflateRawSync(JSON.stringify(value)).toString('base64');
const ledgerOf = (memberId: string) =>
  foldMember([memberEvents(memberId).enrolled(1_700_000_000_000, {}, origin)])!;

describe('a snapshot page read on the worker thread', () => {
  it('reads as on the main thread: rows, members over the cap, the first that does not fit', async () => {
    const good = {
      members: ['a', 'b'].map((id) => ({ memberId: id, deflated: deflated(ledgerOf(id)) })),
      tooLarge: ['z'],
      maxLedgerBytes: 64 * 1024,
    };
    const tooLarge = { ...good, maxLedgerBytes: 100 };
    const unfit = {
      ...good,
      members: [...good.members, { memberId: 'c', deflated: deflated(ledgerOf('d')) }],
    };
    const reader = workerPageReader();
    try {
      // Asked together, answered each to its own.
      const reads = await Promise.all([good, tooLarge, unfit].map((page) => reader.read(page)));
      expect(reads).toEqual([good, tooLarge, unfit].map(readLedgers));
      expect(reads[0]).toMatchObject({
        tooLarge: ['z'],
        ledgers: [{ memberId: 'a', row: { member_id: 'a' } }, { memberId: 'b' }],
      });
      expect(reads[1]).toEqual({ ledgers: [], tooLarge: ['z', 'a', 'b'] });
      expect(reads[2]).toEqual({ unfit: { memberId: 'c', why: 'not a ledger of this member' } });
      // Read on the worker, not by the main thread's fallback.
      expect(reader.pagesOnWorker).toBe(3);
    } finally {
      await reader.close();
    }
    // Closed: the main thread reads.
    expect(await reader.read(good)).toEqual(readLedgers(good));
  });
});

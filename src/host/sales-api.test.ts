/**
 * POST /api/v1/sales over real HTTP against the real service: it says what it
 * did not apply, and a client's `verified: true` verifies nothing (issue 10).
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiTokenPath } from './api-token';
import { startLiveHost } from './test-host';
import type { LiveHost } from './test-host';

let live: LiveHost;
let token: string;

beforeAll(async () => {
  live = await startLiveHost();
  token = readFileSync(apiTokenPath(live.dataDir), 'utf8').trim();
});
afterAll(() => live.stop());

interface Answer {
  member: { memberId: string; memberNumber: string };
  verification?: { token: string };
  saleId: string;
  duplicate: boolean;
  evaluation: { rejected: unknown[]; effects: { couponsRedeemed: string[] } };
  error: unknown;
}

/** The answer's JSON, typed loosely as the fields these tests read. */
async function send(
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: Answer }> {
  const response = await fetch(`${live.host.url}/api/v1${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as Answer };
}

let phoneSeq = 0;
async function enrol(): Promise<{ memberId: string; memberNumber: string }> {
  phoneSeq += 1;
  const { status, body } = await send('POST', '/members', {
    phone: `4123450${phoneSeq}`,
    acceptTerms: true,
  });
  expect(status).toBe(201);
  return body.member;
}

describe('POST /api/v1/sales', () => {
  it('attack: a coupon that cannot be used is listed in evaluation.rejected, not answered []', async () => {
    const member = await enrol();
    const sale = {
      memberId: member.memberId,
      paymentMethod: 'card',
      idempotencyKey: 'sales-api-rejected-1',
      lines: [{ sku: 'kaffe-stor', quantity: 1 }],
      selections: { couponIds: ['W-someone-else', `W-${member.memberId}`] },
    };
    const first = await send('POST', '/sales', sale);
    expect(first.status).toBe(201);
    expect(first.body.evaluation.rejected).toEqual([
      {
        ref: 'W-someone-else',
        code: 'coupon_unknown',
        // A catalogue message: the POS renders it, or reads the code.
        reason: expect.objectContaining({ key: 'basket.couponUnknown' }),
      },
    ]);
    expect(first.body.evaluation.effects.couponsRedeemed).toEqual([`W-${member.memberId}`]);

    // A retry (the POS timed out and never saw the first answer) is told too.
    const retry = await send('POST', '/sales', sale);
    expect(retry.status).toBe(200);
    expect(retry.body.duplicate).toBe(true);
    expect(retry.body.saleId).toBe(first.body.saleId);
    expect(retry.body.evaluation.rejected).toMatchObject([
      { ref: 'W-someone-else', code: 'not_applied' },
    ]);
  });

  it('attack: verified: true in the body does not skip the card/PIN check; the lookup’s verification does', async () => {
    const programme = await send('GET', '/programme');
    expect(
      (await send('PUT', '/programme', { ...programme.body, verifyRedemptionAboveOre: 500 }))
        .status,
    ).toBe(200);
    const member = await enrol();
    const sale = (key: string, extra: object) => ({
      memberId: member.memberId,
      paymentMethod: 'card',
      idempotencyKey: key,
      lines: [{ sku: 'kaffe-stor', quantity: 4 }],
      selections: { couponIds: [`W-${member.memberId}`] },
      ...extra,
    });
    const claimed = await send('POST', '/sales', sale('sales-api-claimed', { verified: true }));
    expect(claimed.status).toBe(403);
    expect(claimed.body.error).toMatchObject({
      code: 'verification_required',
      field: 'memberPin',
      text: { nb: expect.stringMatching(/skann kortet/) },
    });

    const byPhone = await send('GET', `/members/lookup?q=4123450${phoneSeq}`);
    expect(byPhone.body.verification).toBeUndefined();
    const byCard = await send('GET', `/members/lookup?q=${member.memberNumber}`);
    const verification = byCard.body.verification!.token;
    const paid = await send('POST', '/sales', sale('sales-api-card', { verification }));
    expect(paid.status).toBe(201);
    expect(paid.body.evaluation.effects.couponsRedeemed).toEqual([`W-${member.memberId}`]);
  });
});

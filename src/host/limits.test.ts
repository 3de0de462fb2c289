/**
 * The till refuses at its input what the cloud would refuse (issue 10): a price
 * beyond LIMITS.maxUnitPriceOre through `PUT /api/v1/products`, on the real host.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIMITS } from '../core/limits';
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

async function send(method: string, path: string, body?: unknown) {
  const response = await fetch(`${live.host.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as unknown) : null };
}

describe('PUT /api/v1/products', () => {
  it('refuses priceOre 9007199254740991 naming the field, and changes nothing', async () => {
    const before = await send('GET', '/api/v1/products');
    expect(before.status).toBe(200);
    const products = before.body as Array<{ sku: string; priceOre: number }>;
    expect(products.length).toBeGreaterThan(0);

    for (const priceOre of [9007199254740991, LIMITS.maxUnitPriceOre + 1]) {
      const answer = await send('PUT', '/api/v1/products', [
        { ...products[0]!, priceOre },
        ...products.slice(1),
      ]);
      expect(answer.status).toBe(400);
      const error = (answer.body as { error: { field: string | null; text: { nb: string } } })
        .error;
      expect(error.field).toMatch(/priceOre$/);
      expect(error.text.nb.length).toBeGreaterThan(0);
    }
    expect((await send('GET', '/api/v1/products')).body).toEqual(products);

    // The limit itself is a price a till may sell at.
    const atLimit = [{ ...products[0]!, priceOre: LIMITS.maxUnitPriceOre }, ...products.slice(1)];
    expect((await send('PUT', '/api/v1/products', atLimit)).status).toBe(200);
  });
});

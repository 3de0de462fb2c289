/**
 * The till refuses at its input what the cloud would refuse (issue 10): a price
 * beyond LIMITS.maxUnitPriceOre through `PUT /api/v1/products`, and a sale or a
 * catalogue whose event would be larger than the cloud takes (LIMITS.maxEventBytes,
 * maxConfigEventBytes), on the real host.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventBytes, maxEventBytesFor, parseEvent } from '../core/events';
import { LIMITS } from '../core/limits';
import { databasePath } from '../service';
import Database from 'better-sqlite3';
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

/** Every event in the till's log, and the largest one's size as the cloud counts it. */
function eventLog(): { count: number; largest: number } {
  const db = new Database(databasePath(live.dataDir), { readonly: true });
  try {
    const rows = db.prepare('SELECT * FROM events').all() as Array<Record<string, unknown>>;
    let largest = 0;
    for (const r of rows) {
      const event = {
        id: r.id,
        chainId: r.chain_id,
        storeId: r.store_id,
        terminalId: r.terminal_id,
        hlc: r.hlc,
        type: r.type,
        memberId: r.member_id,
        payload: JSON.parse(r.payload as string) as unknown,
        schemaVersion: r.schema_version,
      };
      // Each reads as the cloud reads it, within its bounds: what the till wrote, the cloud takes.
      expect(() => parseEvent(event)).not.toThrow();
      const bytes = eventBytes(event);
      expect(bytes).toBeLessThanOrEqual(maxEventBytesFor(r.type));
      largest = Math.max(largest, bytes);
    }
    return { count: rows.length, largest };
  } finally {
    db.close();
  }
}

interface ErrorAnswer {
  error: { code: string; field: string | null; text: { nb: string; en: string } };
}

describe('events larger than the cloud takes are refused at the input', () => {
  // Every field at its bound, in two-byte letters: the largest a product's line can be.
  const sku = 'ø'.repeat(64);
  const product = {
    sku,
    barcodes: [],
    name: 'ø'.repeat(120),
    category: 'ø'.repeat(64),
    priceOre: 100,
    vatRate: 25,
    quickKey: false,
  };

  it('POST /api/v1/sales with 500 lines of the longest ids and names: 400 event_too_large, nothing committed; a smaller sale of the same lines goes', async () => {
    const products = (await send('GET', '/api/v1/products')).body as unknown[];
    expect((await send('PUT', '/api/v1/products', [...products, product])).status).toBe(200);
    const before = eventLog();
    const lines = (n: number) =>
      Array.from({ length: n }, (_, i) => ({
        sku,
        quantity: LIMITS.maxLineQuantity,
        lineId: String(i).padEnd(LIMITS.maxIdLength, 'ø'),
      }));
    const answer = await send('POST', '/api/v1/sales', {
      lines: lines(LIMITS.maxBasketLines),
      paymentMethod: 'cash',
      idempotencyKey: 'limits-largest-sale',
    });
    expect(answer.status).toBe(400);
    const { error } = answer.body as ErrorAnswer;
    expect(error).toMatchObject({ code: 'event_too_large', field: 'lines' });
    expect(error.text.nb).toContain('Salget er for stort');
    expect(eventLog().count).toBe(before.count);

    const fits = await send('POST', '/api/v1/sales', {
      lines: lines(100),
      paymentMethod: 'cash',
      idempotencyKey: 'limits-large-sale',
    });
    expect(fits.status).toBe(201);
    expect(eventLog().count).toBe(before.count + 1);
  });

  it('PUT /api/v1/products with a catalogue over the configuration bound (yet under the body limit): 400 event_too_large, catalogue kept', async () => {
    const before = (await send('GET', '/api/v1/products')).body;
    const count = eventLog().count;
    const many = Array.from({ length: 2_600 }, (_, i) => ({
      ...product,
      sku: `bulk-${i}`,
      name: `Vare ${i}`,
      category: 'Bulk',
      barcodes: Array.from({ length: 100 }, (_, j) => String(i * 100 + j).padStart(14, '0')),
    }));
    const body = JSON.stringify(many);
    expect(Buffer.byteLength(body)).toBeLessThan(5 * 1024 * 1024);
    expect(Buffer.byteLength(body)).toBeGreaterThan(LIMITS.maxConfigEventBytes);
    const answer = await send('PUT', '/api/v1/products', many);
    expect(answer.status).toBe(400);
    const { error } = answer.body as ErrorAnswer;
    expect(error.code).toBe('event_too_large');
    expect(error.text.nb).toContain('Varelisten er for stor');
    expect((await send('GET', '/api/v1/products')).body).toEqual(before);
    expect(eventLog().count).toBe(count);
  });
});

describe('a sale beyond the amounts every party holds', () => {
  it('POST /api/v1/sales whose total is over LIMITS.maxBasketOre: 400 naming the lines, nothing committed; the same line fewer times goes', async () => {
    const products = (await send('GET', '/api/v1/products')).body as Array<{ sku: string }>;
    const dear = {
      ...products[0]!,
      sku: 'limits-dear',
      barcodes: [],
      priceOre: LIMITS.maxUnitPriceOre,
    };
    expect((await send('PUT', '/api/v1/products', [...products, dear])).status).toBe(200);
    const before = eventLog().count;
    const over = Math.floor(LIMITS.maxBasketOre / LIMITS.maxUnitPriceOre) + 1;
    expect(over).toBeLessThanOrEqual(LIMITS.maxLineQuantity);
    const answer = await send('POST', '/api/v1/sales', {
      lines: [{ sku: 'limits-dear', quantity: over }],
      paymentMethod: 'card',
      idempotencyKey: 'limits-dear-sale',
    });
    expect(answer.status).toBe(400);
    const { error } = answer.body as ErrorAnswer;
    expect(error.field).toMatch(/^lines/);
    expect(error.text.nb.length).toBeGreaterThan(0);
    expect(eventLog().count).toBe(before);
    const fits = await send('POST', '/api/v1/sales', {
      lines: [{ sku: 'limits-dear', quantity: over - 1 }],
      paymentMethod: 'card',
      idempotencyKey: 'limits-dear-sale-2',
    });
    expect(fits.status).toBe(201);
    expect(eventLog().count).toBe(before + 1);
  });
});

describe('nesting the cloud would refuse', () => {
  it('refuses a programme whose unknown field nests deeper in the event than the cloud takes', async () => {
    // The body passes the edge's depth check, but its event wraps it two levels deeper.
    const programme = (await send('GET', '/api/v1/programme')).body as Record<string, unknown>;
    let nested: unknown = 'bunn';
    for (let i = 0; i < LIMITS.maxJsonDepth - 2; i++) nested = { n: nested };
    const before = eventLog().count;
    const saved = await send('PUT', '/api/v1/programme', { ...programme, fraNyereKasse: nested });
    expect(saved.status).toBe(400);
    expect((saved.body as { error: { code: string } }).error.code).toBe('too_deep');
    expect(eventLog().count).toBe(before);
  });
});

describe('a programme at its extremes', () => {
  it('every sale under a programme with the largest earn rate and day counts is one the cloud takes, or refused at the programme', async () => {
    const programme = (await send('GET', '/api/v1/programme')).body as {
      points?: Record<string, unknown> | null;
    };
    expect(programme.points).toBeTruthy();
    const extreme = {
      ...programme,
      points: {
        ...programme.points!,
        enabled: true,
        earn: { mode: 'per_amount', orePerStep: 1, pointsPerStep: LIMITS.maxPoints },
        pendingDays: LIMITS.maxPoints,
        lifetimeMonths: LIMITS.maxPoints,
      },
    };
    const saved = await send('PUT', '/api/v1/programme', extreme);
    const member = await send('POST', '/api/v1/members', { phone: '41234999', acceptTerms: true });
    expect(member.status).toBe(201);
    const memberId = (member.body as { member: { memberId: string } }).member.memberId;
    const before = eventLog().count;
    const sku = ((await send('GET', '/api/v1/products')).body as Array<{ sku: string }>)[0]!.sku;
    const sale = await send('POST', '/api/v1/sales', {
      lines: [{ sku, quantity: 1 }],
      memberId,
      paymentMethod: 'card',
      idempotencyKey: 'limits-extreme-programme',
    });
    expect(saved.status).toBe(200);
    // The sale goes, earning at most what a sale event carries, and the cloud would take it.
    expect(sale.status).toBe(201);
    const effects = (sale.body as { evaluation: { effects: { pointsEarned: number } } }).evaluation
      .effects;
    expect(effects.pointsEarned).toBe(LIMITS.maxPoints);
    expect(eventLog().count).toBe(before + 1);
  });
});

/**
 * The event schemas change only additively: today's schemas are compared with
 * the committed snapshot (event-schemas.snapshot.json). A change that is not
 * additive fails here and cannot be waved through. An additive one (a new
 * optional field, a new event type) fails only until the snapshot is written
 * again: `npx vitest run src/core/event-schemas.test.ts --update`, then commit it.
 */
import { format, resolveConfig } from 'prettier';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import snapshot from './event-schemas.snapshot.json';
import { eventSchemaDocument } from './events';
import { nonAdditiveChanges } from './schema-compat';
import type { EventSchemaDocument } from './schema-compat';

function current(): EventSchemaDocument {
  return JSON.parse(JSON.stringify(eventSchemaDocument())) as EventSchemaDocument;
}

describe('the event schemas', () => {
  it('change only additively from the committed snapshot', async () => {
    const now = current();
    const committed = snapshot as unknown as EventSchemaDocument;
    // Checked against the committed file first: `-u` cannot wave a break through.
    expect(nonAdditiveChanges(committed, now)).toEqual([]);
    // An additive change fails here until the snapshot is written again (vitest -u).
    const file = new URL('./event-schemas.snapshot.json', import.meta.url);
    const options = { ...(await resolveConfig(file)), parser: 'json' };
    await expect(await format(JSON.stringify(now, null, 2), options)).toMatchFileSnapshot(
      './event-schemas.snapshot.json',
    );
  });
});

describe('nonAdditiveChanges', () => {
  const json = (schema: z.ZodType) =>
    JSON.parse(JSON.stringify(z.toJSONSchema(schema, { io: 'input' }))) as Record<string, never>;
  const doc = (payloads: Record<string, z.ZodType>): EventSchemaDocument => ({
    envelope: json(z.object({ id: z.string() })),
    payloads: Object.fromEntries(Object.entries(payloads).map(([t, s]) => [t, json(s)])),
  });
  const line = { sku: z.string().max(100), quantity: z.number().int().max(999) };
  const base = doc({
    'sale.committed': z.looseObject({
      saleId: z.string(),
      method: z.enum(['card', 'cash']),
      note: z.string().nullable().optional(),
      lines: z.array(z.looseObject(line)),
    }),
  });
  const changed = (fields: Record<string, z.ZodType>, extra: Record<string, z.ZodType> = {}) =>
    doc({
      'sale.committed': z.looseObject({
        saleId: z.string(),
        method: z.enum(['card', 'cash']),
        note: z.string().nullable().optional(),
        lines: z.array(z.looseObject(line)),
        ...fields,
      }),
      ...extra,
    });

  it('passes a new optional field, at the top or nested, and a new event type', () => {
    expect(nonAdditiveChanges(base, base)).toEqual([]);
    expect(nonAdditiveChanges(base, changed({ giftWrap: z.boolean().optional() }))).toEqual([]);
    expect(
      nonAdditiveChanges(
        base,
        changed({ lines: z.array(z.looseObject({ ...line, colour: z.string().optional() })) }),
      ),
    ).toEqual([]);
    expect(
      nonAdditiveChanges(base, changed({}, { 'gift.sold': z.looseObject({ id: z.string() }) })),
    ).toEqual([]);
  });

  it("passes a new type in the envelope's list of types, and fails one removed from it", () => {
    const withTypes = (types: [string, ...string[]]): EventSchemaDocument => ({
      envelope: json(z.object({ id: z.string(), type: z.enum(types) })),
      payloads: {},
    });
    const before = withTypes(['sale.committed', 'catalogue.saved']);
    expect(
      nonAdditiveChanges(before, withTypes(['sale.committed', 'catalogue.saved', 'staff.saved'])),
    ).toEqual([]);
    expect(nonAdditiveChanges(before, withTypes(['sale.committed', 'staff.saved']))).toHaveLength(
      1,
    );
  });

  it('fails a field removed, a type changed or narrowed, a new required field, a type removed', () => {
    const withoutNote = doc({
      'sale.committed': z.looseObject({
        saleId: z.string(),
        method: z.enum(['card', 'cash']),
        lines: z.array(z.looseObject(line)),
      }),
    });
    expect(nonAdditiveChanges(base, withoutNote)).toEqual(['sale.committed.note: removed']);
    expect(nonAdditiveChanges(base, changed({ saleId: z.number() }))).toEqual([
      'sale.committed.saleId: type changed from "string" to "number"',
    ]);
    expect(
      nonAdditiveChanges(
        base,
        changed({ lines: z.array(z.looseObject({ ...line, quantity: z.number().int().max(99) })) }),
      ),
    ).toEqual(['sale.committed.lines.items.quantity: maximum changed from 999 to 99']);
    expect(nonAdditiveChanges(base, changed({ note: z.string().optional() }))).toHaveLength(1);
    expect(nonAdditiveChanges(base, changed({ method: z.enum(['card']) }))).toEqual([
      'sale.committed.method: enum changed from ["card","cash"] to ["card"]',
    ]);
    expect(nonAdditiveChanges(base, changed({ till: z.string() }))).toEqual([
      'sale.committed.till: a new field must be optional (events written before lack it)',
    ]);
    expect(nonAdditiveChanges(base, changed({ saleId: z.string().optional() }))).toEqual([
      'sale.committed.saleId: became optional (older versions need it)',
    ]);
    expect(nonAdditiveChanges(base, doc({}))).toEqual([
      'sale.committed: the event type was removed (events of it exist)',
    ]);
    // Closing an open object drops what newer tills add.
    const closed = doc({
      'sale.committed': z.object({
        saleId: z.string(),
        method: z.enum(['card', 'cash']),
        note: z.string().nullable().optional(),
        lines: z.array(z.looseObject(line)),
      }),
    });
    expect(nonAdditiveChanges(base, closed)).toEqual([
      'sale.committed: additionalProperties changed from {} to nothing',
    ]);
  });

  it('fails a widened value too: older tills could not read events using it', () => {
    expect(
      nonAdditiveChanges(base, changed({ method: z.enum(['card', 'cash', 'vipps']) })),
    ).toEqual([
      'sale.committed.method: enum changed from ["card","cash"] to ["card","cash","vipps"]',
    ]);
  });
});

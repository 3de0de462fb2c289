/**
 * Migration 023 on a database that already holds campaigns: the message and
 * coupon campaigns stored before it keep their offers and stay valid under the
 * checks it adds back by name, and the new bonus offer is held to one id as
 * the coupon offer is. PostgreSQL only (a fresh embedded database at an older
 * schema would need its own initdb).
 */
import { afterAll, expect, it } from 'vitest';
import type { Database } from '../db/database';
import { loadMigrations, migrate } from '../db/migrate';
import { openPostgres } from '../db/postgres';
import { DATABASE_TARGETS, describeOn } from '../test/databases';
import type { DatabaseInstance } from '../test/databases';
import { listCampaigns } from './campaigns';

const target = DATABASE_TARGETS.find((t) => t.label === 'PostgreSQL')!;

/** A draft with an SMS text and the offer columns given. */
const insertCampaign = (
  db: Database,
  id: string,
  offer: { kind: string; coupon?: string | null; bonus?: string | null },
) =>
  db.query(
    `INSERT INTO campaigns (chain_id, id, name, segment_id, offer_kind, coupon_campaign_id,
                            ${offer.bonus === undefined ? '' : 'bonus_campaign_id, '}
                            sms_text, state, created_at, updated_at)
     VALUES ('c1', $1, $1, 'seg-1', $2, $3, ${offer.bonus === undefined ? '' : '$4, '}
             'Hei', 'draft', 0, 0)`,
    offer.bonus === undefined
      ? [id, offer.kind, offer.coupon ?? null]
      : [id, offer.kind, offer.coupon ?? null, offer.bonus],
  );

describeOn(target, 'migration 023 with campaigns', () => {
  let instance: DatabaseInstance | null = null;
  let db: Database | null = null;
  afterAll(async () => {
    await db?.close();
    await instance?.drop();
  });

  it('keeps the campaigns stored before it and holds each offer to its one id', async () => {
    instance = await target.create();
    db = await openPostgres(instance.location.databaseUrl!);
    await migrate(
      db,
      loadMigrations().filter((m) => m.version < 23),
    );
    await db.query("INSERT INTO chains (id, name, created_at) VALUES ('c1', 'Kjede', 0)");
    await insertCampaign(db, 'old-message', { kind: 'message' });
    await insertCampaign(db, 'old-coupon', { kind: 'coupon', coupon: 'garn20' });

    // 023 and whatever came after it.
    expect(await migrate(db)).toEqual(
      loadMigrations()
        .filter((m) => m.version >= 23)
        .map((m) => m.version),
    );
    const offers = (await listCampaigns(db, 'c1')).map((c) => [c.id, c.offer]).sort();
    expect(offers).toEqual([
      ['old-coupon', { kind: 'coupon', couponCampaignId: 'garn20' }],
      ['old-message', { kind: 'message' }],
    ]);

    await insertCampaign(db, 'bonus', { kind: 'bonus', bonus: 'trippel' });
    expect((await listCampaigns(db, 'c1')).find((c) => c.id === 'bonus')?.offer).toEqual({
      kind: 'bonus',
      bonusCampaignId: 'trippel',
    });
    const refusedBy = async (
      id: string,
      offer: { kind: string; coupon?: string | null; bonus?: string | null },
    ) => {
      const error = await insertCampaign(db!, id, offer).then(
        () => null,
        (e: unknown) => e as { constraint?: string; message: string },
      );
      return error?.constraint ?? error?.message ?? null;
    };
    expect(await refusedBy('b1', { kind: 'bonus', bonus: null })).toBe('campaigns_bonus_check');
    expect(await refusedBy('b2', { kind: 'message', bonus: 'trippel' })).toBe(
      'campaigns_bonus_check',
    );
    expect(await refusedBy('b3', { kind: 'coupon', coupon: 'garn20', bonus: 'trippel' })).toBe(
      'campaigns_bonus_check',
    );
    expect(await refusedBy('b4', { kind: 'bonus', coupon: 'garn20', bonus: 'trippel' })).toBe(
      'campaigns_coupon_check',
    );
    expect(await refusedBy('b5', { kind: 'coupon', bonus: null })).toBe('campaigns_coupon_check');
    expect(await refusedBy('b6', { kind: 'points', bonus: null })).toBe(
      'campaigns_offer_kind_check',
    );
  });
});

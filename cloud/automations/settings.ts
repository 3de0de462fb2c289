/**
 * Each chain's automations as the owner set them (automation_settings,
 * migration 017) and what they sent in the last 30 days (the outbox, by the
 * purpose 'automation:<kind>:…'). A chain without a row has the automation
 * off with the default Norwegian texts.
 */
import { msg, text } from '../../src/core/i18n';
import type { Text } from '../../src/core/i18n';
import type {
  AutomationKind,
  BoAutomation,
  BoAutomationCounts,
  BoAutomations,
} from '../../src/contract/backoffice/automations';
import {
  AUTOMATION_KINDS,
  AUTOMATION_PLACEHOLDERS,
  PAGE_LINK_FIELD,
  AUTOMATION_REFUSALS,
  DEFAULT_AUTOMATION_TEXTS,
  placeholdersIn,
} from '../../src/contract/backoffice/automations';
import type { Queryable } from '../db/database';
import { toInt } from '../db/database';
import { BoError } from '../backoffice/errors';
import { smsPriceOre } from '../campaigns/campaigns';
import type { Channel } from '../messaging/outbox';
import { CAP_WINDOW_MS, messagingSettings } from '../messaging/settings';
import { programmeInForce } from '../programme';

export const automationPurposePrefix = (kind: AutomationKind) => `automation:${kind}:`;

/** One automation's stored setting (texts with their placeholders). */
export interface AutomationSetting {
  kind: AutomationKind;
  enabled: boolean;
  channels: { sms: boolean; email: boolean };
  sms: { text: string };
  email: { subject: string; text: string };
}

function defaultSetting(kind: AutomationKind): AutomationSetting {
  const texts = DEFAULT_AUTOMATION_TEXTS[kind];
  return {
    kind,
    enabled: false,
    channels: { sms: true, email: true },
    sms: { text: texts.sms },
    email: { subject: texts.emailSubject, text: texts.email },
  };
}

export async function automationSettings(
  db: Queryable,
  chainId: string,
): Promise<Map<AutomationKind, AutomationSetting>> {
  const rows = await db.query<Record<string, unknown>>(
    'SELECT * FROM automation_settings WHERE chain_id = $1',
    [chainId],
  );
  const settings = new Map(AUTOMATION_KINDS.map((kind) => [kind, defaultSetting(kind)]));
  for (const row of rows) {
    const kind = row.kind as AutomationKind;
    settings.set(kind, {
      kind,
      enabled: row.enabled as boolean,
      channels: { sms: row.sms as boolean, email: row.email as boolean },
      sms: { text: row.sms_text as string },
      email: { subject: row.email_subject as string, text: row.email_text as string },
    });
  }
  return settings;
}

function emptyCounts(): BoAutomationCounts {
  return { queued: 0, sent: 0, delivered: 0, failed: 0, optedOut: 0, skipped: 0 };
}

/** Per kind and channel: the outbox's messages of the automation created in the last 30 days. */
async function lastThirtyDays(
  db: Queryable,
  chainId: string,
  now: number,
): Promise<Map<string, BoAutomationCounts>> {
  const rows = await db.query<{
    kind: string;
    channel: Channel;
    state: string;
    skip_reason: string | null;
    n: unknown;
  }>(
    `SELECT split_part(purpose, ':', 2) AS kind, channel, state, skip_reason, count(*) AS n
       FROM outbox
      WHERE chain_id = $1 AND purpose LIKE 'automation:%' AND created_at > $2
      GROUP BY 1, channel, state, skip_reason`,
    [chainId, now - CAP_WINDOW_MS],
  );
  const counts = new Map<string, BoAutomationCounts>();
  for (const row of rows) {
    const key = `${row.kind} ${row.channel}`;
    const c = counts.get(key) ?? emptyCounts();
    const n = toInt(row.n);
    if (row.state === 'queued' || row.state === 'sending') c.queued += n;
    else if (row.state === 'sent') c.sent += n;
    else if (row.state === 'delivered') c.delivered += n;
    else if (row.state === 'failed') c.failed += n;
    else if (row.skip_reason === 'opted_out') c.optedOut += n;
    else c.skipped += n;
    counts.set(key, c);
  }
  return counts;
}

export async function listAutomations(
  db: Queryable,
  chainId: string,
  now: number,
): Promise<BoAutomations> {
  const settings = await automationSettings(db, chainId);
  const counts = await lastThirtyDays(db, chainId, now);
  const [run] = await db.query<{ ran_at: unknown }>(
    'SELECT ran_at FROM automation_runs WHERE chain_id = $1',
    [chainId],
  );
  const programme = await programmeInForce(db, chainId);
  // Programme names are bokmål and English; a Swedish one the stored programme carries (its
  // objects are loose) goes with them, and the page falls back to bokmål without it.
  const birthday: Text | null = programme.birthday?.enabled ? programme.birthday.coupon.name : null;
  const swedish = typeof birthday?.sv === 'string' ? birthday.sv : undefined;
  const automations: BoAutomation[] = AUTOMATION_KINDS.map((kind) => {
    const s = settings.get(kind)!;
    return {
      ...s,
      placeholders: AUTOMATION_PLACEHOLDERS[kind],
      lastRunAt: run ? toInt(run.ran_at) : null,
      last30Days: {
        sms: counts.get(`${kind} sms`) ?? emptyCounts(),
        email: counts.get(`${kind} email`) ?? emptyCounts(),
      },
    };
  });
  return {
    automations,
    birthdayCoupon: birthday ? text(birthday.nb, birthday.en, swedish) : null,
    clubName: programme.name,
    smsPriceOre: await smsPriceOre(db, chainId),
    frequencyCap: (await messagingSettings(db, chainId)).frequencyCap,
  };
}

export const COUPON_PLACEHOLDERS = ['kupong', 'gyldig_til'];

/** Refuses a text naming a placeholder its automation cannot fill (or a coupon the programme lacks). */
async function checkPlaceholders(
  db: Queryable,
  chainId: string,
  setting: AutomationSetting,
): Promise<void> {
  const allowed = AUTOMATION_PLACEHOLDERS[setting.kind];
  const hasCoupon =
    setting.kind !== 'birthday' || !!(await programmeInForce(db, chainId)).birthday?.enabled;
  const fields: [string, string][] = [
    ['sms.text', setting.sms.text],
    ['email.subject', setting.email.subject],
    ['email.text', setting.email.text],
  ];
  for (const [field, text] of fields) {
    for (const name of placeholdersIn(text)) {
      if (!allowed.includes(name) || (field === 'email.subject' && name === PAGE_LINK_FIELD))
        throw new BoError(
          'invalid_request',
          `{${name}} is not a placeholder of this automation (${allowed.map((a) => `{${a}}`).join(', ')})`,
          field,
          msg(AUTOMATION_REFUSALS.unknownPlaceholder, {
            name: `{${name}}`,
            allowed: allowed.map((a) => `{${a}}`).join(', '),
          }),
        );
      if (!hasCoupon && COUPON_PLACEHOLDERS.includes(name))
        throw new BoError(
          'invalid_request',
          `the programme has no birthday coupon for {${name}} to name`,
          field,
          msg(AUTOMATION_REFUSALS.noBirthdayCoupon, { name: `{${name}}` }),
        );
    }
  }
}

export async function saveAutomation(
  db: Queryable,
  chainId: string,
  accountId: string,
  setting: AutomationSetting,
  now: number,
): Promise<BoAutomations> {
  await checkPlaceholders(db, chainId, setting);
  await db.query(
    `INSERT INTO automation_settings (chain_id, kind, enabled, sms, email, sms_text, email_subject,
                                      email_text, updated_by, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
     ON CONFLICT (chain_id, kind) DO UPDATE SET enabled = $3, sms = $4, email = $5, sms_text = $6,
       email_subject = $7, email_text = $8, updated_by = $9, updated_at = $10`,
    [
      chainId,
      setting.kind,
      setting.enabled,
      setting.channels.sms,
      setting.channels.email,
      setting.sms.text,
      setting.email.subject,
      setting.email.text,
      accountId,
      now,
    ],
  );
  // Turned on (or changed) today: today's run happens again, for today's occasions.
  await db.query('DELETE FROM automation_runs WHERE chain_id = $1', [chainId]);
  return listAutomations(db, chainId, now);
}

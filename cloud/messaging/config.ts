/**
 * Messaging from the environment (`npm run cloud`): off unless a provider is
 * configured. Secrets come only from here, never from the repository.
 *
 *   LOJAL_SMS_PROVIDER        sveve (default when LOJAL_SMS_USER is set) | 46elks
 *   LOJAL_SMS_URL             the provider's base URL (default https://sveve.no / https://api.46elks.com)
 *   LOJAL_SMS_USER, LOJAL_SMS_PASSWORD, LOJAL_SMS_FROM (sender name, ≤ 11 letters/digits)
 *   LOJAL_SMTP_URL            smtp://user:password@host:587 (e-mail on when set)
 *   LOJAL_MAIL_FROM           "Kundeklubben <post@example.no>"
 *   LOJAL_MAIL_UNSUBSCRIBE    optional mailto address for List-Unsubscribe
 *   LOJAL_MESSAGING_SECRET    signs unsubscribe links and callback addresses (default: made once, kept in the database)
 *   LOJAL_SEND_INTERVAL_S     how often the sender looks for due messages (default 30)
 */
import type { MessagingConfig } from './sender';

const DEFAULT_BASE = { sveve: 'https://sveve.no', '46elks': 'https://api.46elks.com' } as const;

export function messagingFromEnv(env: NodeJS.ProcessEnv): MessagingConfig | null {
  const provider = env.LOJAL_SMS_PROVIDER === '46elks' ? '46elks' : 'sveve';
  if (env.LOJAL_SMS_PROVIDER && !['sveve', '46elks'].includes(env.LOJAL_SMS_PROVIDER))
    throw new RangeError(`LOJAL_SMS_PROVIDER is sveve or 46elks, not "${env.LOJAL_SMS_PROVIDER}"`);
  const sms = env.LOJAL_SMS_USER
    ? {
        provider,
        baseUrl: env.LOJAL_SMS_URL || DEFAULT_BASE[provider],
        user: env.LOJAL_SMS_USER,
        password: env.LOJAL_SMS_PASSWORD ?? '',
        from: env.LOJAL_SMS_FROM || 'Kundeklubb',
      }
    : null;
  const email = env.LOJAL_SMTP_URL
    ? {
        smtpUrl: env.LOJAL_SMTP_URL,
        from: env.LOJAL_MAIL_FROM || 'Kundeklubben <noreply@localhost>',
        unsubscribeMailto: env.LOJAL_MAIL_UNSUBSCRIBE || undefined,
      }
    : null;
  if (!sms && !email) return null;
  const intervalText = env.LOJAL_SEND_INTERVAL_S ?? '30';
  const interval = Number(intervalText);
  if (!/^\d+$/.test(intervalText) || interval < 1 || interval > 3600)
    throw new RangeError(`LOJAL_SEND_INTERVAL_S is 1 to 3600 seconds, not "${intervalText}"`);
  return {
    sms: sms as MessagingConfig['sms'],
    email,
    secret: env.LOJAL_MESSAGING_SECRET || undefined,
    sender: { intervalMs: interval * 1000 },
  };
}

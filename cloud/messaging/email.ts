/**
 * E-mail by SMTP through nodemailer: a plain-text and an HTML part, UTF-8
 * subject and body, the unsubscribe link in the body and in the
 * `List-Unsubscribe` / `List-Unsubscribe-Post: List-Unsubscribe=One-Click`
 * headers (RFC 8058), the outbox id in the Message-ID.
 */
import nodemailer from 'nodemailer';
import type { Transporter } from 'nodemailer';
import type { SendOutcome } from './sms';
import { escapeHtml } from '../public-page';

export interface EmailConfig {
  /** smtp://user:pass@host:587 or smtps://…; the password never reaches a log. */
  smtpUrl: string;
  /** "Kundeklubben <post@example.no>" */
  from: string;
  /** Optional mailto for List-Unsubscribe (RFC 2369), e.g. unsubscribe@example.no. */
  unsubscribeMailto?: string;
  /** Connections kept to the SMTP server (default 4). */
  maxConnections?: number;
}

export interface EmailRequest {
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string | null;
  unsubscribeUrl: string;
}

export interface EmailSender {
  send(request: EmailRequest): Promise<SendOutcome>;
  close(): void;
}

/** The HTML part made from plain text: paragraphs at blank lines, breaks at single ones. */
export function htmlFromText(text: string): string {
  return text
    .split(/\n{2,}/)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
    .join('\n');
}

const FOOTER_TEXT = 'Meld deg av e-post fra oss:';
const FOOTER_HTML = 'Meld deg av e-post fra oss';

export function emailParts(request: EmailRequest): { text: string; html: string } {
  const text = `${request.text}\n\n--\n${FOOTER_TEXT} ${request.unsubscribeUrl}\n`;
  const inner = request.html ?? htmlFromText(request.text);
  const html =
    `<!doctype html><html lang="nb"><head><meta charset="utf-8"></head><body>\n${inner}\n` +
    `<hr><p style="font-size:12px;color:#555"><a href="${escapeHtml(request.unsubscribeUrl)}">` +
    `${FOOTER_HTML}</a></p>\n</body></html>`;
  return { text, html };
}

function domainOf(from: string): string {
  return /@([^>\s]+)/.exec(from)?.[1] ?? 'lojal.invalid';
}

export function emailSender(config: EmailConfig): EmailSender {
  const transport: Transporter = nodemailer.createTransport(config.smtpUrl, {
    pool: true,
    maxConnections: config.maxConnections ?? 4,
    // Nothing of the conversation (credentials included) in the logs.
    logger: false,
    debug: false,
  } as never);
  const domain = domainOf(config.from);
  return {
    async send(request) {
      const { text, html } = emailParts(request);
      const listUnsubscribe = config.unsubscribeMailto
        ? `<${request.unsubscribeUrl}>, <mailto:${config.unsubscribeMailto}?subject=unsubscribe%20${request.id}>`
        : `<${request.unsubscribeUrl}>`;
      try {
        const info = (await transport.sendMail({
          from: config.from,
          to: request.to,
          subject: request.subject,
          text,
          html,
          messageId: `<${request.id}@${domain}>`,
          headers: {
            'List-Unsubscribe': listUnsubscribe,
            'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
          },
        })) as { response?: string };
        return {
          kind: 'accepted',
          providerId: null,
          status: (info.response ?? 'sent').slice(0, 200),
        };
      } catch (error) {
        const e = error as { responseCode?: number; code?: string; response?: string };
        if (typeof e.responseCode === 'number') {
          // The server answered: 4xx try again later, 5xx it will never take it.
          const status = `SMTP ${e.responseCode}`;
          return e.responseCode >= 500
            ? { kind: 'refused', status, permanent: true }
            : { kind: 'refused', status };
        }
        if (e.code === 'ECONNECTION' || e.code === 'ECONNREFUSED' || e.code === 'EDNS')
          return { kind: 'refused', status: `not reached (${e.code})` };
        return { kind: 'unknown', status: `no answer (${e.code ?? 'error'})` };
      }
    },
    close() {
      transport.close();
    },
  };
}

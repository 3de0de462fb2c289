/**
 * What the cloud's public pages share: the member's page (/m), self-enrolment
 * (/j) and the unsubscribe page (/u). Drawn on the server, no script, no
 * outside resource; one document shell, one set of security headers, the
 * language from ?lang=, forms read as urlencoded text of a small size,
 * secrets compared in constant time and every interpolation escaped.
 */
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Locale } from '../src/core/i18n';

export const PAGE_LOCALES: readonly Locale[] = ['nb', 'en', 'sv'];
/** Each language named in itself (the language links). */
export const LANGUAGE_NAME: Record<Locale, string> = { nb: 'Norsk', en: 'English', sv: 'Svenska' };

/** The page's language from ?lang= (nb, en, sv); bokmål otherwise. */
export function pageLocale(asked: unknown): Locale {
  return PAGE_LOCALES.find((l) => l === asked) ?? 'nb';
}

/** Norwegian in any of its tags (no, nb, nn) is bokmål here; the others by their own. */
const LOCALE_OF_LANGUAGE: Record<string, Locale> = {
  nb: 'nb',
  no: 'nb',
  nn: 'nb',
  en: 'en',
  sv: 'sv',
};

/** The first language of an Accept-Language header we write, by its q (bokmål when none). */
export function acceptedLocale(header: string | undefined): Locale {
  const ranked = (header ?? '')
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
      return { language: tag.split('-')[0]!, q: q === undefined ? 1 : Number(q), index };
    })
    .filter((r) => r.q > 0 && r.language in LOCALE_OF_LANGUAGE)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranked[0] ? LOCALE_OF_LANGUAGE[ranked[0].language]! : 'nb';
}

/**
 * The language a page is shown in: ?lang= when it names one, else the
 * browser's Accept-Language, and then the reply says it varies by that header
 * (a cache must not hand one reader's language to another).
 */
export function requestLocale(request: FastifyRequest, reply: FastifyReply): Locale {
  const asked = (request.query as { lang?: unknown } | undefined)?.lang;
  const named = PAGE_LOCALES.find((l) => l === asked);
  if (named) return named;
  const vary = reply.getHeader('vary');
  if (vary === undefined) void reply.header('vary', 'Accept-Language');
  else if (!/\baccept-language\b/i.test(String(vary)))
    void reply.header('vary', `${String(vary)}, Accept-Language`);
  return acceptedLocale(request.headers['accept-language']);
}

export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/**
 * Sent with every public page: no site may frame it (a hidden form or a
 * framed button must not switch a member's consent), and its address (which
 * holds a token or a join code) never goes to another site; same-origin keeps
 * the form's own Origin.
 */
export const PUBLIC_PAGE_HEADERS = {
  'content-security-policy': "frame-ancestors 'none'",
  'referrer-policy': 'same-origin',
  'x-frame-options': 'DENY',
} as const;

/** A page with nothing but its own inline style and its own forms (self-enrolment, unsubscribe). */
export const CLOSED_PAGE_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

export const HTML_TYPE = 'text/html; charset=utf-8';

/** The reply made a public page's: HTML, PUBLIC_PAGE_HEADERS, and the closed policy. */
export function asPage(reply: FastifyReply): FastifyReply {
  return reply
    .type(HTML_TYPE)
    .headers(PUBLIC_PAGE_HEADERS)
    .header('content-security-policy', CLOSED_PAGE_CSP);
}

/** The document around a page's body; `title` is text (escaped here), `body` HTML. */
export function publicPage(page: {
  locale: Locale;
  title: string;
  style: string;
  body: string;
}): string {
  return (
    `<!doctype html><html lang="${page.locale}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width,initial-scale=1">` +
    `<meta name="referrer" content="same-origin"><meta name="robots" content="noindex">` +
    `<title>${escapeHtml(page.title)}</title><style>${page.style}</style></head>` +
    `<body>${page.body}</body></html>`
  );
}

/** The scope's forms (application/x-www-form-urlencoded) read as fields, none over `bodyLimit` bytes. */
export function acceptForms(scope: FastifyInstance, bodyLimit: number): void {
  scope.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit },
    (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(String(body)))),
  );
}

/**
 * Whether a form came from this cloud's own pages: no Origin (an older
 * browser, a same-origin GET) is, `null` (a sandboxed frame, a no-referrer
 * page) is not, else its scheme and host must be the page's. That is the
 * public address (LOJAL_CLOUD_PUBLIC_URL, whose scheme a proxy in front of
 * us does not pass on) when the request came to its host, else the request's
 * as Fastify sees it; an http page of an https deployment is another origin.
 */
export function fromOwnOrigin(request: FastifyRequest, publicUrl: string): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  const given = originOf(origin);
  if (given === null) return false;
  const host = request.headers.host ?? '';
  const publicOrigin = publicUrl === '' ? null : new URL(publicUrl);
  const own =
    publicOrigin?.host === host ? publicOrigin.origin : originOf(`${request.protocol}://${host}`);
  return given === own || given === publicOrigin?.origin;
}

/** An address's scheme, host and port as browsers write them; null when it is none (`null`, not a URL). */
function originOf(address: string): string | null {
  try {
    const origin = new URL(address).origin;
    return origin === 'null' ? null : origin;
  } catch {
    return null;
  }
}

/** A secret the request gave (a form token, a callback key) against ours, in constant time. */
export function sameSecret(given: unknown, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The member's page as HTML, drawn on the server (no script): mobile first,
 * one column, large touch targets. The card's QR carries the member's own
 * scan code (LJM-<qrToken>, src/core/scan.ts) and its barcode the EAN-13
 * member number, both of which a till attaches the member by.
 */
import { isGuardModule, ean13Modules } from '../../src/core/ean13-bars';
import { msg } from '../../src/core/i18n';
import type { Locale, Params, Shown } from '../../src/core/i18n';
import type { MemberView } from '../../src/core/member-types';
import type { MessageKey } from '../../src/core/messages';
import { formatMoney } from '../../src/core/money';
import { MEMBER_QR_PREFIX } from '../../src/core/scan';
import { render } from '../../src/i18n/render';
import { escapeHtml, LANGUAGE_NAME, PAGE_LOCALES, publicPage } from '../public-page';
import { qrPathOf } from './qr';

const STYLE = [
  '*{box-sizing:border-box}',
  'body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;background:#f3f1ec;color:#1d1d1b;font-size:17px;line-height:1.4}',
  'main{max-width:30rem;margin:0 auto;padding:1rem}',
  'header{display:flex;justify-content:space-between;align-items:baseline;gap:.5rem;flex-wrap:wrap}',
  'h1{font-size:1.35rem;margin:.25rem 0}',
  'h2{font-size:1.05rem;margin:0 0 .5rem}',
  'nav a{color:#1d1d1b;margin-left:.6rem;padding:.5rem .1rem;display:inline-block}',
  'nav a[aria-current]{font-weight:700;text-decoration:none}',
  'nav a:first-child{margin-left:0}',
  'section{background:#fff;border-radius:14px;padding:1rem;margin:.8rem 0;box-shadow:0 1px 2px rgba(0,0,0,.08)}',
  '.card{text-align:center}',
  '.card svg{display:block;margin:0 auto;background:#fff}',
  '.qr{width:min(62vw,220px);height:auto}',
  '.bars{width:min(80vw,300px);height:auto;margin-top:.6rem!important}',
  '.number{font-family:ui-monospace,Menlo,monospace;letter-spacing:.12em;margin:.2rem 0 0}',
  '.big{font-size:1.6rem;font-weight:700;margin:0}',
  '.muted{color:#5b5a56;margin:.2rem 0 0}',
  '.stamps{display:flex;flex-wrap:wrap;gap:6px;margin:.4rem 0}',
  '.stamp{width:26px;height:26px;border-radius:50%;border:2px solid #2f6b4f}',
  '.stamp.on{background:#2f6b4f}',
  'progress{width:100%;height:14px;accent-color:#2f6b4f}',
  'ul{list-style:none;padding:0;margin:0}',
  'li{padding:.6rem 0;border-top:1px solid #ece9e2}',
  'li:first-child{border-top:0}',
  '.consent{display:flex;flex-direction:column;gap:.4rem}',
  'button,.button{font:inherit;font-weight:600;min-height:48px;padding:.7rem 1rem;border-radius:10px;border:2px solid #2f6b4f;background:#2f6b4f;color:#fff;width:100%;cursor:pointer;text-align:center;text-decoration:none;display:block}',
  'button.quiet,.button.quiet{background:#fff;color:#2f6b4f}',
  'button:focus-visible,a:focus-visible{outline:3px solid #e0a100;outline-offset:2px}',
  '.notice{background:#e5f2ea;border-radius:10px;padding:.6rem .8rem}',
  '.error{background:#fbe4e1}',
  'small{color:#5b5a56}',
  '@media (min-width:700px){main{max-width:44rem}.cols{display:grid;grid-template-columns:1fr 1fr;gap:.8rem}.cols section{margin:0}}',
].join('');

export interface PageWords {
  locale: Locale;
  say(key: MessageKey, params?: Params): string;
  text(shown: Shown): string;
}

export function wordsFor(locale: Locale): PageWords {
  return {
    locale,
    say: (key, params) => render(msg(key, params), locale),
    text: (shown) => render(shown, locale),
  };
}

function grouped(n: number, locale: Locale): string {
  return new Intl.NumberFormat(locale === 'en' ? 'en-GB' : locale === 'sv' ? 'sv-SE' : 'nb-NO')
    .format(n)
    .replaceAll('\u202f', '\u00a0');
}

function localDate(at: number, locale: Locale, timeZone: string): string {
  const tag = locale === 'en' ? 'en-GB' : locale === 'sv' ? 'sv-SE' : 'nb-NO';
  return new Intl.DateTimeFormat(tag, { dateStyle: 'long', timeZone }).format(at);
}

/** An SVG of the QR code for `text` (quiet zone included), `label` for screen readers. */
export function qrSvg(text: string, label: string): string {
  const { d, size } = qrPathOf(text);
  return (
    `<svg class="qr" role="img" aria-label="${escapeHtml(label)}" viewBox="0 0 ${size} ${size}" ` +
    `width="${size * 6}" height="${size * 6}" shape-rendering="crispEdges" data-testid="card-qr">` +
    `<rect width="${size}" height="${size}" fill="#fff"/><path fill="#000" d="${d}"/></svg>`
  );
}

/** An SVG of the EAN-13 barcode: 95 modules, 11 modules of light margin either side. */
export function ean13Svg(code: string, label: string): string {
  const margin = 11;
  const width = 95 + 2 * margin;
  let bars = '';
  ean13Modules(code).forEach((dark, i) => {
    if (dark) bars += `M${i + margin} 0h1v${isGuardModule(i) ? 60 : 54}h-1z`;
  });
  return (
    `<svg class="bars" role="img" aria-label="${escapeHtml(label)}" viewBox="0 0 ${width} 62" ` +
    `width="${width * 3}" height="186" preserveAspectRatio="none" shape-rendering="crispEdges" data-testid="card-barcode">` +
    `<rect width="${width}" height="62" fill="#fff"/><path fill="#000" d="${bars}"/></svg>`
  );
}

function shell(words: PageWords, title: string, body: string, languages: string): string {
  return publicPage({
    locale: words.locale,
    title,
    style: STYLE,
    body: `<main>${languages}${body}</main>`,
  });
}

function languageLinks(path: string, locale: Locale): string {
  return (
    `<nav aria-label="Språk / Language">` +
    PAGE_LOCALES.map(
      (l) =>
        `<a href="${path}?lang=${l}" lang="${l}"${l === locale ? ' aria-current="true"' : ''}>${LANGUAGE_NAME[l]}</a>`,
    ).join('') +
    `</nav>`
  );
}

/** A page for a link that is not (or no longer) good: the same words whichever it was. */
export function invalidLinkPage(words: PageWords): string {
  const title = words.say('memberPage.invalidTitle');
  return shell(
    words,
    title,
    `<section><h1>${escapeHtml(title)}</h1><p>${escapeHtml(words.say('memberPage.invalidText'))}</p></section>`,
    '',
  );
}

export function messagePage(words: PageWords, text: string): string {
  return shell(
    words,
    text,
    `<section class="notice error"><p>${escapeHtml(text)}</p></section>`,
    '',
  );
}

export interface MemberPageInput {
  words: PageWords;
  /** The page's own path (/m/<token>): forms post under it. */
  path: string;
  formToken: string;
  clubName: string;
  termsVersion: string;
  timeZone: string;
  pointsEnabled: boolean;
  view: MemberView;
  notice: 'saved' | 'bad_form' | null;
}

export function memberPage(input: MemberPageInput): string {
  const { words, view, path } = input;
  const { say } = words;
  const e = escapeHtml;
  const locale = words.locale;
  const query = `?lang=${locale}`;
  const name = view.profile.firstName;
  const heading = name ? say('memberPage.greeting', { name }) : input.clubName;
  let body = `<header><h1>${e(heading)}</h1></header>`;
  if (name) body += `<p class="muted">${e(input.clubName)}</p>`;
  if (input.notice === 'saved')
    body += `<p class="notice" role="status" data-testid="notice">${e(say('memberPage.saved'))}</p>`;
  if (input.notice === 'bad_form')
    body += `<p class="notice error" role="alert" data-testid="notice">${e(say('memberPage.badForm'))}</p>`;

  body +=
    `<section class="card" aria-labelledby="card-h"><h2 id="card-h">${e(say('memberPage.card'))}</h2>` +
    qrSvg(`${MEMBER_QR_PREFIX}${view.qrToken}`, say('memberPage.card')) +
    ean13Svg(view.memberNumber, say('memberPage.memberNo', { number: view.memberNumber })) +
    `<p class="number" data-testid="member-number">${e(view.memberNumber)}</p>` +
    `<p class="muted">${e(say('memberPage.cardHelp'))}</p></section>`;

  let figures = '';
  if (input.pointsEnabled) {
    const balance = view.points.balance;
    figures +=
      `<section aria-labelledby="points-h" data-testid="points"><h2 id="points-h">${e(say('memberPage.points'))}</h2>` +
      `<p class="big">${e(say('memberPage.pointsBalance', { count: balance, shown: grouped(balance, locale) }))}</p>` +
      `<p class="muted">${e(say('memberPage.pointsValue', { amount: formatMoney(view.points.valueOre, locale === 'en' ? 'en' : 'nb') }))}</p>` +
      (view.points.pending > 0
        ? `<p class="muted">${e(say('memberPage.pointsPending', { shown: grouped(view.points.pending, locale) }))}</p>`
        : '') +
      `</section>`;
  }
  if (view.tier) {
    const tier = view.tier;
    const next = tier.next;
    const total = next ? tier.qualifyingPoints + next.pointsNeeded : 1;
    figures +=
      `<section aria-labelledby="tier-h" data-testid="tier"><h2 id="tier-h">${e(say('memberPage.tier'))}</h2>` +
      `<p class="big">${e(say('memberPage.tierNow', { name: words.text(tier.name) }))}</p>` +
      (next
        ? `<progress max="${total}" value="${tier.qualifyingPoints}"></progress>` +
          `<p class="muted">${e(say('memberPage.tierNext', { shown: grouped(next.pointsNeeded, locale), name: words.text(next.name) }))}</p>`
        : `<p class="muted">${e(say('memberPage.tierTop'))}</p>`) +
      `</section>`;
  }
  if (view.punchCards.length > 0) {
    figures +=
      `<section aria-labelledby="cards-h" data-testid="punch-cards"><h2 id="cards-h">${e(say('memberPage.punchCards'))}</h2><ul>` +
      view.punchCards
        .map((card) => {
          const dots = Array.from(
            { length: card.of },
            (_, i) => `<span class="stamp${i < card.stamps ? ' on' : ''}"></span>`,
          ).join('');
          const ready = card.rewardsAvailable.length;
          return (
            `<li data-testid="punch-card"><strong>${e(words.text(card.name))}</strong>` +
            `<div class="stamps" aria-hidden="true">${dots}</div>` +
            `<span data-testid="stamps">${e(say('memberPage.stamps', { stamps: card.stamps, of: card.of }))}</span>` +
            (ready > 0
              ? `<p class="muted">${e(say('memberPage.rewardReady', { count: ready }))}</p>`
              : '') +
            `</li>`
          );
        })
        .join('') +
      `</ul></section>`;
  }
  figures +=
    `<section aria-labelledby="coupons-h" data-testid="coupons"><h2 id="coupons-h">${e(say('memberPage.coupons'))}</h2>` +
    (view.coupons.length === 0
      ? `<p class="muted">${e(say('memberPage.noCoupons'))}</p>`
      : `<ul>` +
        view.coupons
          .map(
            (c) =>
              `<li data-testid="coupon"><strong>${e(words.text(c.template.name))}</strong>` +
              `<p class="muted">${e(say('memberPage.couponValidTo', { date: localDate(c.validTo, locale, input.timeZone) }))}` +
              (c.usesLeft > 1
                ? ` · ${e(say('memberPage.couponUses', { count: c.usesLeft }))}`
                : '') +
              `</p></li>`,
          )
          .join('') +
        `</ul>`) +
    `</section>`;
  body += `<div class="cols">${figures}</div>`;

  const channels = [
    ['sms', say('memberPage.consentSms')],
    ['email', say('memberPage.consentEmail')],
  ] as const;
  body +=
    `<section aria-labelledby="consent-h" id="consent"><h2 id="consent-h">${e(say('memberPage.consent'))}</h2><ul>` +
    channels
      .map(([channel, label]) => {
        const on = view.consents[channel];
        return (
          `<li class="consent" data-testid="consent-${channel}" data-granted="${on}">` +
          `<strong>${e(label)}</strong><span>${e(say(on ? 'memberPage.consentOn' : 'memberPage.consentOff'))}</span>` +
          `<form method="post" action="${path}/consent${query}">` +
          `<input type="hidden" name="form" value="${e(input.formToken)}">` +
          `<input type="hidden" name="channel" value="${channel}">` +
          `<input type="hidden" name="granted" value="${on ? 'false' : 'true'}">` +
          `<button type="submit"${on ? ' class="quiet"' : ''}>${e(say(on ? 'memberPage.turnOff' : 'memberPage.turnOn'))}</button>` +
          `</form></li>`
        );
      })
      .join('') +
    `</ul><p><small>${e(say('memberPage.consentTerms', { version: input.termsVersion }))}</small></p></section>`;

  body +=
    `<section aria-labelledby="data-h"><h2 id="data-h">${e(say('memberPage.data'))}</h2>` +
    `<p>${e(say('memberPage.dataHelp'))}</p>` +
    `<a class="button quiet" href="${path}/data.json" download data-testid="export">${e(say('memberPage.download'))}</a></section>`;

  return shell(words, input.clubName, body, languageLinks(path, locale));
}

/**
 * The pages a customer's phone shows at `/j/{code}`: the join form (phone,
 * first name, e-mail, the terms, consent per channel) and what follows it. Mobile
 * first, no script, no outside resource; every word from the one catalogue
 * (bokmål by default, English and Swedish by `?lang=`). All that is
 * interpolated is escaped.
 */
import type { Locale, Msg, Shown } from '../../src/core/i18n';
import { selfEnrolWords as words } from '../../src/core/self-enrol-words';
import { render } from '../../src/i18n/render';
import { escapeHtml, LANGUAGE_NAME, PAGE_LOCALES, pageLocale, publicPage } from '../public-page';

export function localeOf(query: unknown): Locale {
  return pageLocale((query as { lang?: unknown } | null)?.lang);
}

const STYLE = [
  '*{box-sizing:border-box}',
  'body{font-family:system-ui,-apple-system,sans-serif;margin:0;padding:1.25rem 1rem 2rem;max-width:30rem;margin-inline:auto;font-size:1.125rem;line-height:1.45;color:#1d1d1f;background:#fafaf7}',
  'h1{font-size:1.5rem;line-height:1.2;margin:.5rem 0 .75rem}',
  'p{margin:.5rem 0 1rem}',
  'form{display:flex;flex-direction:column;gap:1rem}',
  'label.field{display:flex;flex-direction:column;gap:.35rem;font-weight:600}',
  'input[type=tel],input[type=text],input[type=email]{font:inherit;font-size:1.25rem;padding:.75rem .8rem;border:2px solid #8a8a8a;border-radius:.6rem;background:#fff;min-height:52px;width:100%}',
  'input[aria-invalid=true]{border-color:#b3261e}',
  'fieldset{border:0;padding:0;margin:0;display:flex;flex-direction:column;gap:.6rem}',
  'legend{font-weight:600;margin-bottom:.4rem}',
  'label.check{display:flex;gap:.75rem;align-items:flex-start;min-height:44px;padding:.35rem 0}',
  'label.check input{width:1.6rem;height:1.6rem;flex:none;margin-top:.1rem}',
  'details.terms summary{color:#1f5f3f;font-weight:600;text-decoration:underline;min-height:44px;padding:.6rem 0;cursor:pointer}',
  '.terms-text{white-space:pre-wrap;overflow-wrap:anywhere;max-height:60vh;overflow-y:auto;margin:.25rem 0 0;padding:.75rem;border:1px solid #c8c8c0;border-radius:.6rem;background:#fff;font-size:1rem}',
  '.error{color:#b3261e;font-weight:600;font-size:1rem}',
  '.hint{color:#555;font-size:1rem}',
  'button{font:inherit;font-size:1.25rem;font-weight:700;padding:.9rem 1rem;min-height:56px;border:0;border-radius:.6rem;background:#1f5f3f;color:#fff}',
  '.notice{padding:1rem;border-radius:.6rem;background:#e8f3ec;border:2px solid #1f5f3f}',
  '.notice.bad{background:#fbeaea;border-color:#b3261e}',
  'nav{display:flex;gap:1rem;justify-content:flex-end;font-size:.95rem}',
  'nav a{color:#1f5f3f;padding:.5rem .25rem}',
  '.number{font-size:1.5rem;font-weight:700;letter-spacing:.05em}',
].join('');

function languageLinks(path: string, locale: Locale): string {
  const links = PAGE_LOCALES.filter((l) => l !== locale).map(
    (l) =>
      `<a href="${escapeHtml(`${path}?lang=${l}`)}" hreflang="${l}" lang="${l}">${LANGUAGE_NAME[l]}</a>`,
  );
  return `<nav aria-label="${escapeHtml(render(words.language(), locale))}">${links.join('')}</nav>`;
}

function page(locale: Locale, title: string, body: string, path: string | null): string {
  return publicPage({
    locale,
    title,
    style: STYLE,
    body:
      (path === null ? '' : languageLinks(path, locale)) +
      `<main><h1>${escapeHtml(title)}</h1>${body}</main>`,
  });
}

export interface FormValues {
  phone: string;
  firstName: string;
  /** Optional; e-mail consent needs it. */
  emailAddress: string;
  terms: boolean;
  sms: boolean;
  email: boolean;
}

export const EMPTY_FORM: FormValues = {
  phone: '',
  firstName: '',
  emailAddress: '',
  terms: false,
  sms: false,
  email: false,
};

export type FormProblems = Partial<
  Record<'phone' | 'firstName' | 'emailAddress' | 'terms' | 'form', Shown>
>;

export interface FormPage {
  locale: Locale;
  path: string;
  club: string;
  termsVersion: string;
  /** The programme's membership terms (plain text), to read before accepting; none: not offered. */
  termsText: string | undefined;
  formToken: string;
  values: FormValues;
  problems: FormProblems;
}

/** The terms folded under a link (no script needed); their line breaks kept, every character escaped. */
function termsToRead(text: string | undefined, summary: string): string {
  if (text === undefined || text.trim() === '') return '';
  return (
    `<details class="terms"><summary>${summary}</summary>` +
    `<div class="terms-text" data-terms>${escapeHtml(text)}</div></details>`
  );
}

export function formPage(p: FormPage): string {
  const say = (m: Shown) => escapeHtml(render(m, p.locale));
  const error = (field: keyof FormProblems) =>
    p.problems[field]
      ? `<span class="error" id="${field}-error" role="alert">${say(p.problems[field])}</span>`
      : '';
  const invalid = (field: keyof FormProblems) =>
    p.problems[field] ? ` aria-invalid="true" aria-describedby="${field}-error"` : '';
  const checked = (on: boolean) => (on ? ' checked' : '');
  const title = render(words.title(p.club), p.locale);
  const body =
    `<p>${say(words.intro())}</p>` +
    (p.problems.form ? `<p class="notice bad" role="alert">${say(p.problems.form)}</p>` : '') +
    `<form method="post" action="${escapeHtml(`${p.path}?lang=${p.locale}`)}" novalidate>` +
    `<input type="hidden" name="form" value="${escapeHtml(p.formToken)}">` +
    `<label class="field">${say(words.phone())}` +
    `<input type="tel" name="phone" inputmode="tel" autocomplete="tel" required maxlength="40"` +
    ` value="${escapeHtml(p.values.phone)}"${invalid('phone')}>${error('phone')}</label>` +
    `<label class="field">${say(words.firstName())}` +
    `<input type="text" name="firstName" autocomplete="given-name" maxlength="80"` +
    ` value="${escapeHtml(p.values.firstName)}"${invalid('firstName')}>${error('firstName')}</label>` +
    `<label class="field">${say(words.emailAddress())}` +
    `<input type="email" name="emailAddress" inputmode="email" autocomplete="email" maxlength="254"` +
    ` value="${escapeHtml(p.values.emailAddress)}"${invalid('emailAddress')}>${error('emailAddress')}</label>` +
    termsToRead(p.termsText, say(words.readTerms())) +
    `<label class="check"><input type="checkbox" name="terms" value="yes" required${checked(p.values.terms)}${invalid('terms')}>` +
    `<span>${say(words.terms(p.club, p.termsVersion))}</span></label>` +
    error('terms') +
    `<fieldset><legend>${say(words.consentHeading())}</legend>` +
    `<label class="check"><input type="checkbox" name="sms" value="yes"${checked(p.values.sms)}>` +
    `<span>${say(words.sms())}</span></label>` +
    `<label class="check"><input type="checkbox" name="email" value="yes"${checked(p.values.email)}>` +
    `<span>${say(words.email())}</span></label>` +
    `<span class="hint">${say(words.consentHint())}</span></fieldset>` +
    `<button type="submit">${say(words.submit())}</button></form>`;
  return page(p.locale, title, body, p.path);
}

/** A page that only says something (done, already a member, expired, used, unknown). */
export function messagePage(
  locale: Locale,
  club: string | null,
  said: Msg,
  good: boolean,
  extra = '',
): string {
  const title = club ? render(words.title(club), locale) : render(words.club(), locale);
  const text = escapeHtml(render(said, locale));
  return page(
    locale,
    title,
    `<p class="notice${good ? '' : ' bad'}" role="status" data-outcome>${text}</p>${extra}`,
    null,
  );
}

/**
 * The customer display (/display/ in browser mode, the second screen's window
 * in the desktop shell): the basket, the total, the member's first name, the
 * stamps filling in and the points earned, in type read from two metres and in
 * the till's language. Idle: the store's name. Paid: the thank-you, for a
 * little while. It only ever shows the state the till published; when that
 * stops coming (the channel drops) it shows the idle screen, never an old
 * customer.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { CSSProperties } from 'react';
import type { Locale } from '../../core/i18n';
import { formatMoney } from '../../core/money';
import { render } from '../../i18n/render';
import { idleDisplay } from '../../contract/commands/display';
import type { DisplayCard, DisplayState } from '../../contract/commands/display';
import { translate } from '../i18n';
import type { UiKey, Values } from '../i18n';
import { followDisplay } from './display-feed';
import { qrModules, qrPath } from './qr';

/** How long the thank-you stays before the idle screen. */
export const PAID_SHOWN_MS = 30_000;

interface Words {
  locale: Locale;
  t(key: UiKey, values?: Values): string;
  money(ore: number): string;
}

function wordsFor(locale: Locale): Words {
  return {
    locale,
    t: (key, values) => translate(locale, key, values),
    money: (ore) => formatMoney(ore, locale === 'en' ? 'en' : 'nb', 'NOK'),
  };
}

export function DisplayApp() {
  const [state, setState] = useState<DisplayState>(() => idleDisplay(''));
  const [live, setLive] = useState(false);
  /** The paid state whose thank-you has been shown long enough. */
  const [thanked, setThanked] = useState<DisplayState | null>(null);

  useEffect(() => followDisplay(setState, setLive), []);

  useEffect(() => {
    if (state.phase !== 'paid') return;
    const timer = setTimeout(() => setThanked(state), PAID_SHOWN_MS);
    return () => clearTimeout(timer);
  }, [state]);

  const shown =
    !live || thanked === state
      ? idleDisplay(state.storeName, state.language, state.joinUrl)
      : state;
  const words = useMemo(() => wordsFor(shown.language), [shown.language]);

  useEffect(() => {
    document.documentElement.lang = words.locale;
    document.title = `${words.t('display.title')} · ${shown.storeName || 'Lojal'}`;
  }, [words, shown.storeName]);

  return (
    <main
      className={`cd cd-${shown.phase}`}
      data-testid="customer-display"
      data-phase={shown.phase}
    >
      {shown.phase === 'idle' && <IdleScreen state={shown} words={words} />}
      {shown.phase === 'sale' && <SaleScreen state={shown} words={words} />}
      {shown.phase === 'paid' && <PaidScreen state={shown} words={words} />}
    </main>
  );
}

interface ScreenProps {
  state: DisplayState;
  words: Words;
}

function IdleScreen({ state, words }: ScreenProps) {
  return (
    <div className="cd-idle-body">
      <div className="cd-idle-words">
        {state.storeName && (
          <h1 className="cd-store" data-testid="display-store">
            {state.storeName}
          </h1>
        )}
        <p className="cd-idle-welcome">{words.t('display.welcome')}</p>
      </div>
      {state.joinUrl && <JoinCode url={state.joinUrl} words={words} />}
    </div>
  );
}

function SaleScreen({ state, words }: ScreenProps) {
  const { t, money } = words;
  const member = state.member;
  const name = member?.firstName ?? null;
  const side =
    member !== null && (member.cards.length > 0 || member.pointsEarned > 0)
      ? 'member'
      : member === null && state.joinUrl
        ? 'join'
        : null;
  const list = useRef<HTMLOListElement>(null);
  // The newest line is the one the customer looks for: keep the list's end in view,
  // and fade its top edge when older lines are above it (`data-more`, display.css).
  useLayoutEffect(() => {
    const element = list.current;
    if (!element) return;
    const keepEnd = () => {
      element.scrollTop = element.scrollHeight;
      element.toggleAttribute('data-more', element.scrollTop > 0);
    };
    keepEnd();
    window.addEventListener('resize', keepEnd);
    return () => window.removeEventListener('resize', keepEnd);
  }, [state.lines]);

  return (
    <>
      <header className="cd-head">
        <h1 className="cd-welcome" data-testid="display-welcome">
          {name ? t('display.welcomeMember', { name }) : t('display.welcome')}
        </h1>
        <span className="cd-head-store">{state.storeName}</span>
      </header>
      <div className={side ? 'cd-body cd-body-split' : 'cd-body'}>
        <ol className="cd-lines" ref={list} aria-label={t('display.basket')}>
          {state.lines.map((line, index) => (
            <li key={index} className="cd-line" data-testid="display-line">
              <span className="cd-line-name">
                {line.quantity > 1 && <span className="cd-line-qty">{line.quantity} ×</span>}
                {line.name}
              </span>
              <span className="cd-line-amount">
                {line.listOre > line.amountOre && (
                  <s className="cd-line-list">{money(line.listOre)}</s>
                )}
                {money(line.amountOre)}
              </span>
            </li>
          ))}
        </ol>
        {side === 'member' && member && (
          <aside className="cd-side" data-testid="display-member">
            {member.cards.map((card, index) => (
              <StampCard key={index} card={card} words={words} />
            ))}
            {member.pointsEarned > 0 && (
              <p className="cd-points" data-testid="display-points">
                {t('display.pointsEarned', { points: member.pointsEarned })}
              </p>
            )}
          </aside>
        )}
        {side === 'join' && state.joinUrl && (
          <aside className="cd-side">
            <JoinCode url={state.joinUrl} words={words} />
          </aside>
        )}
      </div>
      <footer className="cd-foot">
        <div className="cd-savings">
          {state.discounts.length > 0 && (
            <div className="cd-discounts">
              {state.discounts.map((discount, index) => (
                <div key={index} className="cd-discount" data-testid="display-discount">
                  <span>{discount.label}</span>
                  <span>−{money(discount.amountOre)}</span>
                </div>
              ))}
            </div>
          )}
          {state.savedOre > 0 && (
            <div className="cd-saved" data-testid="display-saved">
              {t('display.saved', { amount: money(state.savedOre) })}
            </div>
          )}
        </div>
        <div className="cd-total">
          <span className="cd-total-label">{t('display.total')}</span>
          <span className="cd-total-amount" data-testid="display-total">
            {money(state.totalOre)}
          </span>
        </div>
      </footer>
    </>
  );
}

function PaidScreen({ state, words }: ScreenProps) {
  const { t, money } = words;
  const member = state.member;
  const name = member?.firstName ?? null;
  return (
    <div className="cd-paid-body">
      <h1 className="cd-thanks" data-testid="display-thanks">
        {name ? t('display.thanksMember', { name }) : t('display.thanks')}
      </h1>
      <p className="cd-paid-amount" data-testid="display-paid">
        {t('display.paid', { amount: money(state.totalOre) })}
      </p>
      {state.savedOre > 0 && (
        <p className="cd-paid-saved" data-testid="display-saved">
          {t('display.saved', { amount: money(state.savedOre) })}
        </p>
      )}
      {member && member.pointsEarned > 0 && (
        <p className="cd-points" data-testid="display-points">
          {t('display.pointsEarnedPaid', { points: member.pointsEarned })}
        </p>
      )}
      {member && member.cards.length > 0 && (
        <div className="cd-paid-cards">
          {member.cards.map((card, index) => (
            <StampCard key={index} card={card} words={words} />
          ))}
        </div>
      )}
    </div>
  );
}

/** A punch card: filled circles, the new ones filling in one after another. */
function StampCard({ card, words }: { card: DisplayCard; words: Words }) {
  const { t, locale } = words;
  const name = render(card.name, locale);
  const firstFresh = card.filled - card.fresh;
  return (
    <div className="cd-card" data-testid="display-card">
      <div className="cd-card-head">
        <span className="cd-card-name">{name}</span>
        <span className="cd-card-count" data-testid="display-stamp-count">
          {t('display.stampsOf', { stamps: card.filled, of: card.needed })}
        </span>
      </div>
      <div
        className="cd-stamps"
        role="img"
        aria-label={t('display.stampsLabel', {
          card: name,
          stamps: card.filled,
          of: card.needed,
          fresh: card.fresh,
        })}
      >
        {Array.from({ length: card.needed }, (_, i) => {
          const kind = i < firstFresh ? 'filled' : i < card.filled ? 'fresh' : 'empty';
          const style = { '--n': i - firstFresh } as CSSProperties;
          return (
            <span
              key={i}
              className={`cd-stamp cd-stamp-${kind}`}
              data-stamp={kind}
              style={kind === 'fresh' ? style : undefined}
            />
          );
        })}
      </div>
      <p className={card.full ? 'cd-card-note cd-card-full' : 'cd-card-note'}>
        {card.full ? t('display.cardFull') : t('display.stampsNew', { count: card.fresh })}
      </p>
    </div>
  );
}

function JoinCode({ url, words }: { url: string; words: Words }) {
  const path = useMemo(() => {
    try {
      return qrPath(qrModules(url));
    } catch {
      return null;
    }
  }, [url]);
  if (!path) return null;
  return (
    <figure className="cd-join" data-testid="display-join">
      <svg
        className="cd-qr"
        viewBox={`0 0 ${path.size} ${path.size}`}
        role="img"
        aria-label={words.t('display.joinQr')}
        shapeRendering="crispEdges"
        data-testid="display-join-qr"
      >
        <rect width={path.size} height={path.size} fill="#fff" />
        <path d={path.d} fill="#000" />
      </svg>
      <figcaption>
        <strong>{words.t('display.join')}</strong>
        <span>{words.t('display.joinHint')}</span>
      </figcaption>
    </figure>
  );
}

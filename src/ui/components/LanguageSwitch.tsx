/**
 * The till's language: bokmål, English or Swedish. The switch offers the two
 * languages not in use, each named in its own language so its reader finds it
 * (on a Norwegian screen: English · Svenska). The first is the quick way back
 * and forth between bokmål and English (English on a Norwegian screen, Norsk
 * on an English or Swedish one). Plain buttons: tap, or Tab and Enter/Space;
 * a screen reader hears the name and what it does ("English (Bytt språk til
 * engelsk)").
 */
import type { Locale } from '../../core/i18n';
import { useI18n } from '../i18n';

/** The languages offered from each, the nb ⇄ en switch first. */
const OFFERED: Record<Locale, readonly [Locale, Locale]> = {
  nb: ['en', 'sv'],
  en: ['nb', 'sv'],
  sv: ['nb', 'en'],
};

export function LanguageSwitch({ className = 'btn' }: { className?: string }) {
  const { locale, setLocale, t } = useI18n();
  return (
    <div className="language-switch" role="group" aria-label={t('lang.group')}>
      {OFFERED[locale].map((to, index) => {
        const name = t(`lang.name.${to}`);
        return (
          <button
            key={to}
            type="button"
            className={className}
            onClick={() => setLocale(to)}
            data-testid={index === 0 ? 'language-switch' : 'language-switch-other'}
            data-locale={to}
          >
            <span lang={to}>{name}</span>
            <span className="visually-hidden"> ({t(`lang.to.${to}`)})</span>
          </button>
        );
      })}
    </div>
  );
}

/** nb ⇄ en. Labelled in the language it switches to, so either reader finds it. */
import { useI18n } from '../i18n';

export function LanguageSwitch({ className = 'btn' }: { className?: string }) {
  const { locale, setLocale, t } = useI18n();
  return (
    <button
      type="button"
      className={className}
      lang={locale === 'nb' ? 'en' : 'nb'}
      aria-label={t('lang.switchLabel')}
      onClick={() => setLocale(locale === 'nb' ? 'en' : 'nb')}
      data-testid="language-switch"
    >
      {t('lang.switch')}
    </button>
  );
}

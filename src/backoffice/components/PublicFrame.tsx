/** The frame of the pages before a session: the name, the language switch, a card. */
import type { ReactNode } from 'react';
import { LanguageSwitch } from '../../ui/components/LanguageSwitch';
import { useBo } from '../i18n';

export function PublicFrame({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useBo();
  return (
    <div className="bo-public">
      <header className="bo-public-top">
        <div className="bo-brand">
          <span className="bo-logo" aria-hidden="true">
            L
          </span>
          <strong>{t('app.name')}</strong>
        </div>
        <LanguageSwitch className="btn btn-small" />
      </header>
      <main className="bo-card bo-public-card">
        <h1>{title}</h1>
        {children}
      </main>
    </div>
  );
}

/**
 * The signed-in frame: the chain and who is signed in, the language switch
 * and the log-out at the top, the back office's parts in the navigation, the
 * page.
 */
import type { ReactNode } from 'react';
import type { BoSession } from '../contract/backoffice';
import { LanguageSwitch } from '../ui/components/LanguageSwitch';
import { useBo } from './i18n';
import type { BoKey } from './i18n';
import { Link, useRoute } from './router';
import { useSession } from './session';

interface Part {
  path: string;
  label: BoKey;
}

const PARTS: readonly Part[] = [
  { path: '/programme', label: 'nav.programme' },
  { path: '/products', label: 'nav.products' },
  { path: '/stores', label: 'nav.stores' },
  { path: '/members', label: 'nav.members' },
  { path: '/conflicts', label: 'nav.conflicts' },
  { path: '/segments', label: 'nav.segments' },
  { path: '/campaigns', label: 'nav.campaigns' },
  { path: '/automations', label: 'nav.automations' },
  { path: '/import', label: 'nav.import' },
  { path: '/reports', label: 'nav.reports' },
  { path: '/calculator', label: 'nav.calculator' },
];

export function Shell({ session, children }: { session: BoSession; children: ReactNode }) {
  const { t } = useBo();
  const { path } = useRoute();
  const { logOut } = useSession();
  const role = session.account.role === 'owner' ? t('role.owner') : t('role.storeManager');
  return (
    <div className="bo-shell">
      {/* First on the page: the keyboard skips the top bar and the 11 parts of the navigation. */}
      <a
        className="bo-skip"
        href="#bo-main"
        data-testid="bo-skip"
        onClick={(event) => {
          // Focus, not only scroll: the next Tab goes on from the page's content.
          event.preventDefault();
          document.getElementById('bo-main')?.focus();
        }}
      >
        {t('app.skipToContent')}
      </a>
      <header className="bo-top">
        <div className="bo-brand">
          <span className="bo-logo" aria-hidden="true">
            L
          </span>
          <span>
            <strong>{t('app.name')}</strong>
            <span className="bo-chain" data-testid="bo-chain">
              {session.chain.name}
            </span>
          </span>
        </div>
        <div className="bo-top-right">
          <span className="bo-who" data-testid="bo-who">
            {session.account.name} <small>({role})</small>
          </span>
          <LanguageSwitch className="btn btn-small" />
          <button
            type="button"
            className="btn btn-small"
            onClick={() => void logOut()}
            data-testid="bo-logout"
          >
            {t('app.logOut')}
          </button>
        </div>
      </header>
      <nav className="bo-nav" aria-label={t('nav.label')}>
        <ul>
          {PARTS.map((part) => (
            <li key={part.path}>
              <Link
                to={part.path}
                current={path === part.path || path.startsWith(`${part.path}/`)}
                testId={`nav-${part.path.slice(1)}`}
              >
                {t(part.label)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <main className="bo-main" id="bo-main" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}

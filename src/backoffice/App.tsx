/**
 * The back office: the log-in and the one-time links' pages before a
 * session, the shell with its pages after. Each page has its own address
 * (router.tsx); one that needs a session sends a visitor without one to the
 * log-in, which brings them back after.
 */
import { useEffect } from 'react';
import type { ComponentType } from 'react';
import { I18nProvider } from '../ui/i18n';
import { useBo } from './i18n';
import { ForgotPasswordPage } from './pages/ForgotPasswordPage';
import { LoginPage } from './pages/LoginPage';
import { MemberPage } from './pages/MemberPage';
import { MembersPage } from './pages/MembersPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { ProgrammePage } from './pages/ProgrammePage';
import { SetPasswordPage } from './pages/SetPasswordPage';
import { StoresPage } from './pages/StoresPage';
import { ProductsPage } from './pages/ProductsPage';
import { ConflictsPage } from './pages/ConflictsPage';
import { CalculatorPage } from './pages/CalculatorPage';
import { ReportsPage } from './pages/ReportsPage';
import { SegmentsPage } from './pages/SegmentsPage';
import { CampaignsPage } from './pages/CampaignsPage';
import { AutomationsPage } from './pages/AutomationsPage';
import { ImportPage } from './pages/ImportPage';
import { RouterProvider, useRoute } from './router';
import { SessionProvider, useSession } from './session';
import { Shell } from './Shell';

/** Pages anyone may open. */
const OPEN_PAGES: Record<string, ComponentType> = {
  '/login': LoginPage,
  '/forgot-password': ForgotPasswordPage,
  '/set-password': SetPasswordPage,
};

/** Pages of the shell (a session needed), by path. */
const PAGES: Record<string, ComponentType> = {
  '/stores': StoresPage,
  '/programme': ProgrammePage,
  '/products': ProductsPage,
  '/conflicts': ConflictsPage,
  '/members': MembersPage,
  '/members/*': MemberPage,
  '/calculator': CalculatorPage,
  '/reports': ReportsPage,
  '/segments': SegmentsPage,
  '/segments/*': SegmentsPage,
  '/campaigns': CampaignsPage,
  '/campaigns/*': CampaignsPage,
  '/automations': AutomationsPage,
  '/import': ImportPage,
};

function Pages() {
  const { path, navigate, search } = useRoute();
  const { session } = useSession();
  const { t } = useBo();
  const Open = OPEN_PAGES[path];
  const needsSession = !Open;

  useEffect(() => {
    if (needsSession && session === null) {
      const next =
        path === '/' ? '' : `?next=${encodeURIComponent(path + (search.size ? `?${search}` : ''))}`;
      navigate(`/login${next}`, { replace: true });
    } else if (path === '/' && session && session !== 'checking') {
      navigate('/stores', { replace: true });
    }
  }, [needsSession, session, path, search, navigate]);

  useEffect(() => {
    document.title = `${t('app.title')}`;
  }, [t]);

  if (Open) return <Open />;
  if (session === 'checking' || session === null)
    return (
      <main className="bo-loading" aria-busy="true">
        {t('app.loading')}
      </main>
    );
  // A page under a part (/members/<id>) is the part's `/*` page.
  const Page = PAGES[path] ?? PAGES[path.replace(/\/[^/]+$/, '/*')];
  return <Shell session={session}>{Page ? <Page /> : <NotFoundPage />}</Shell>;
}

export function App() {
  return (
    <I18nProvider currency="NOK">
      <RouterProvider>
        <SessionProvider>
          <Pages />
        </SessionProvider>
      </RouterProvider>
    </I18nProvider>
  );
}

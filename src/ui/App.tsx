/**
 * First run on an empty store, else log-in, then the till. The session lives in
 * the transport; a lost session returns to the log-in.
 */
import { useEffect, useState } from 'react';
import type { Shown } from '../core/i18n';
import type { SetupStatus, StaffSummary } from '../contract/commands';
import { api } from './api';
import { NoticesProvider, useNotices } from './hooks/useNotices';
import { useTillStatus } from './hooks/useTillStatus';
import { I18nProvider, uiText, useI18n } from './i18n';
import { CheckoutScreen } from './screens/CheckoutScreen';
import { FirstRunScreen } from './screens/FirstRunScreen';
import { LoginScreen } from './screens/LoginScreen';

/** Asked once on start: whether this till still needs its first run. */
function useSetupStatus(): [SetupStatus | null | 'asking', (next: SetupStatus | null) => void] {
  const [setup, setSetup] = useState<SetupStatus | null | 'asking'>('asking');
  useEffect(() => {
    let live = true;
    api
      .call('setup.status', {})
      .then((status) => live && setSetup(status.needed ? status : null))
      // A service that cannot say (an older one, not reached yet): the log-in screen, as before.
      .catch(() => live && setSetup(null));
    return () => {
      live = false;
    };
  }, []);
  return [setup, setSetup];
}

function Till() {
  const { t } = useI18n();
  const notices = useNotices();
  const status = useTillStatus();
  const [staff, setStaff] = useState<StaffSummary | null>(null);
  const [setup, setSetup] = useSetupStatus();
  /** A line for the log-in card (a till that joined a chain: log in with the chain's PIN). */
  const [loginNote, setLoginNote] = useState<Shown | null>(null);
  // The status bar's store name once the first run named the store, until the next status read
  // (every little while) says something other than what it said then.
  const [named, setNamed] = useState<{ name: string; before: string | null } | null>(null);

  useEffect(
    () =>
      api.onSessionEnded(() => {
        setStaff(null);
        notices.warn(t('app.sessionEnded'));
      }),
    [notices, t],
  );

  // The store's name as the first run made it (a template's, or the chain's programme).
  const nameTheStore = () =>
    void api
      .call('status.get', {})
      .then((s) => setNamed({ name: s.storeName, before: status.storeName }))
      .catch(() => undefined);

  if (setup === 'asking') return <main className="login" data-testid="starting" />;
  if (!staff && setup !== null)
    return (
      <FirstRunScreen
        status={setup}
        onLoggedIn={(manager) => {
          setSetup(null);
          setStaff(manager);
          nameTheStore();
        }}
        onChainHasStaff={(result) => {
          setSetup(null);
          nameTheStore();
          setLoginNote(
            uiText('setup.chainHasStaff', { chain: result.chainName, staff: result.staff }),
          );
        }}
      />
    );
  const shown =
    named !== null && named.before === status.storeName
      ? { ...status, storeName: named.name }
      : status;
  if (!staff)
    return (
      <LoginScreen
        storeName={shown.storeName}
        note={loginNote}
        onLogin={(loggedIn) => {
          setLoginNote(null);
          setStaff(loggedIn);
        }}
      />
    );
  return (
    <CheckoutScreen
      key={staff.staffId}
      staff={staff}
      status={shown}
      onLogout={() => setStaff(null)}
    />
  );
}

export function App() {
  return (
    <I18nProvider currency="NOK">
      <NoticesProvider>
        <Till />
      </NoticesProvider>
    </I18nProvider>
  );
}

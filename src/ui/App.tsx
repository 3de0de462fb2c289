/** Log-in, then the till. The session lives in the transport; a lost session returns here. */
import { useEffect, useState } from 'react';
import type { StaffSummary } from '../contract/commands';
import { api } from './api';
import { NoticesProvider, useNotices } from './hooks/useNotices';
import { useTillStatus } from './hooks/useTillStatus';
import { I18nProvider, useI18n } from './i18n';
import { CheckoutScreen } from './screens/CheckoutScreen';
import { LoginScreen } from './screens/LoginScreen';

function Till() {
  const { t } = useI18n();
  const notices = useNotices();
  const status = useTillStatus();
  const [staff, setStaff] = useState<StaffSummary | null>(null);

  useEffect(
    () =>
      api.onSessionEnded(() => {
        setStaff(null);
        notices.warn(t('app.sessionEnded'));
      }),
    [notices, t],
  );

  if (!staff) return <LoginScreen storeName={status.storeName} onLogin={setStaff} />;
  return (
    <CheckoutScreen
      key={staff.staffId}
      staff={staff}
      status={status}
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

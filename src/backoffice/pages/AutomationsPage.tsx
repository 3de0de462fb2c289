/**
 * "Automatiske meldinger" (issue 17 point 3): the four automatic messages of
 * the chain (birthday, points about to expire, reward ready, win-back), each
 * switched on or off with its texts (pages/automations/AutomationCard.tsx).
 * Owners only: the messages reach the whole chain's members.
 */
import { useEffect, useState } from 'react';
import type { BoAutomations } from '../../contract/backoffice/automations';
import type { Shown } from '../../core/i18n';
import { call, failureText } from '../api';
import { Alert } from '../components/Alert';
import { useBo } from '../i18n';
import { useSession } from '../session';
import { AutomationCard } from './automations/AutomationCard';
import '../campaigns.css';
import './automations/automations.css';

function Automations() {
  const { t, dateTime } = useBo();
  const [settings, setSettings] = useState<BoAutomations | null>(null);
  const [problem, setProblem] = useState<Shown | null>(null);
  useEffect(() => {
    let live = true;
    call('automation.list', {}).then(
      (answer) => live && setSettings(answer),
      (error: unknown) => live && setProblem(failureText(error)),
    );
    return () => {
      live = false;
    };
  }, []);
  const lastRunAt = settings?.automations[0]?.lastRunAt ?? null;
  return (
    <>
      <Alert kind="error" shown={problem} />
      {settings && (
        <>
          <p className="bo-lead">{t('automations.lead', { cap: settings.frequencyCap })}</p>
          {lastRunAt !== null && (
            <p className="bo-hint" data-testid="automations-last-run">
              {t('automations.lastRun', { at: dateTime(lastRunAt) })}
            </p>
          )}
          <div className="au-list">
            {settings.automations.map((a) => (
              <AutomationCard
                key={a.kind}
                automation={a}
                settings={settings}
                onSaved={setSettings}
              />
            ))}
          </div>
        </>
      )}
    </>
  );
}

export function AutomationsPage() {
  const { t } = useBo();
  const { session } = useSession();
  const owner = typeof session === 'object' && session?.account.role === 'owner';
  return (
    <section className="bo-page" aria-labelledby="automations-title">
      <header className="bo-page-head">
        <h1 id="automations-title">{t('nav.automations')}</h1>
      </header>
      {owner ? <Automations /> : <p className="bo-hint">{t('automations.ownerOnly')}</p>}
    </section>
  );
}

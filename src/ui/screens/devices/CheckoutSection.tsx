/**
 * Ved kassen, on Enheter: this till's "Bruk belønninger automatisk" (a ready
 * punch-card reward goes on the basket by itself; off by default). A manager
 * turns it on or off with one tap, saved at once for this till only; everyone
 * else sees it.
 */
import { useEffect, useState } from 'react';
import type { CheckoutSettings } from '../../../contract/devices';
import { api } from '../../api';
import { useSaveCommand } from '../../hooks/useSaveCommand';
import { useI18n } from '../../i18n';
import { Choice } from './parts';

export function CheckoutSection({ canEdit }: { canEdit: boolean }) {
  const { t, say } = useI18n();
  const [settings, setSettings] = useState<CheckoutSettings | null>(null);
  const { busy, problem, done, save, fail } = useSaveCommand();

  useEffect(() => {
    let alive = true;
    api.call('checkoutSettings.get', {}).then(
      (read) => alive && setSettings(read),
      (error: unknown) => alive && fail(error),
    );
    return () => {
      alive = false;
    };
  }, [fail]);

  const change = (autoRewards: boolean) =>
    void save(async () =>
      setSettings(await api.call('checkoutSettings.save', { ...settings, autoRewards })),
    );

  return (
    <section
      className="panel stack span-all"
      aria-labelledby="devices-checkout"
      data-testid="checkout-section"
    >
      <h2 id="devices-checkout">{t('counter.settingsTitle')}</h2>
      {settings && (
        <Choice
          label={t('counter.autoRewards')}
          value={settings.autoRewards ? 'on' : 'off'}
          options={[
            { value: 'off', label: t('counter.off') },
            { value: 'on', label: t('counter.on') },
          ]}
          onChange={(value) => change(value === 'on')}
          disabled={!canEdit || busy}
          testId="auto-rewards"
        >
          <small className="member-sub">{t('counter.autoRewardsHint')}</small>
        </Choice>
      )}
      {problem && (
        <div className="notice notice-error" role="alert" data-testid="checkout-section-error">
          {say(problem.text)}
        </div>
      )}
      {done && (
        <div className="notice notice-info" role="status" data-testid="checkout-section-saved">
          {t('counter.saved')}
        </div>
      )}
    </section>
  );
}

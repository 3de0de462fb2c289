/**
 * A campaign's reach per channel and its SMS cost, as the cloud counted them:
 * only the channels the campaign sends on (both while none is chosen yet), so
 * an SMS campaign's e-mail reach is not read as more recipients.
 */
import type { BoCampaignPreview } from '../../../contract/backoffice/campaigns';
import { money } from '../../../core/i18n';
import { useBo } from '../../i18n';

export function Reach({
  preview,
  channels,
}: {
  preview: BoCampaignPreview;
  channels: { sms: boolean; email: boolean };
}) {
  const { t } = useBo();
  const none = !channels.sms && !channels.email;
  const { reach, smsCost } = preview;
  const line = (channel: 'sms' | 'email') => {
    const c = reach[channel];
    return t('campaigns.reach.channel', {
      reachable: c.reachable,
      consenting: c.consenting,
      capped: c.consenting - c.reachable,
      cap: reach.frequencyCap,
    });
  };
  return (
    <div data-testid="campaign-reach" aria-live="polite">
      <p>
        <strong>{t('campaigns.reach.members', { count: reach.members })}</strong>
      </p>
      <dl className="cp-reach">
        {(channels.sms || none) && (
          <>
            <dt>{t('campaigns.channel.sms')}</dt>
            <dd data-testid="reach-sms">{line('sms')}</dd>
          </>
        )}
        {(channels.email || none) && (
          <>
            <dt>{t('campaigns.channel.email')}</dt>
            <dd data-testid="reach-email">{line('email')}</dd>
          </>
        )}
      </dl>
      {smsCost && (
        <p className="cp-cost" data-testid="campaign-cost">
          {t('campaigns.reach.cost', {
            total: money(smsCost.totalOre),
            parts: smsCost.parts,
            count: reach.sms.reachable,
            price: money(smsCost.pricePerPartOre),
          })}
        </p>
      )}
    </div>
  );
}

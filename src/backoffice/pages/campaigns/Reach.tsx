/** A campaign's reach per channel and its SMS cost, as the cloud counted them. */
import type { BoCampaignPreview } from '../../../contract/backoffice/campaigns';
import { money } from '../../../core/i18n';
import { useBo } from '../../i18n';

export function Reach({ preview }: { preview: BoCampaignPreview }) {
  const { t } = useBo();
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
        <dt>{t('campaigns.channel.sms')}</dt>
        <dd data-testid="reach-sms">{line('sms')}</dd>
        <dt>{t('campaigns.channel.email')}</dt>
        <dd data-testid="reach-email">{line('email')}</dd>
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

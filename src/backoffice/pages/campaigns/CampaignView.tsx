/** One campaign (/campaigns/<id>): a draft's texts, reach and cost and its send; a sent one's results. */
import { useEffect, useState } from 'react';
import type {
  BoCampaign,
  BoCampaignResults,
  BoCampaignSettings,
  CampaignOffer,
} from '../../../contract/backoffice/campaigns';
import { money } from '../../../core/i18n';
import type { Shown } from '../../../core/i18n';
import { call, failureText } from '../../api';
import { Alert } from '../../components/Alert';
import { useBo } from '../../i18n';
import { Link, useRoute } from '../../router';
import { Reach } from './Reach';

function Results({ results }: { results: BoCampaignResults }) {
  const { t } = useBo();
  const rows: Array<[string, (c: BoCampaignResults['sms']) => number]> = [
    [t('campaigns.results.queued'), (c) => c.queued],
    [t('campaigns.results.sent'), (c) => c.sent],
    [t('campaigns.results.delivered'), (c) => c.delivered],
    [t('campaigns.results.failed'), (c) => c.failed],
    [t('campaigns.results.noConsent'), (c) => c.skippedBy.no_consent],
    [t('campaigns.results.overCap'), (c) => c.skippedBy.over_cap],
    [t('campaigns.results.optedOut'), (c) => c.skippedBy.opted_out],
    [t('campaigns.results.noAddress'), (c) => c.skippedBy.no_address],
  ];
  return (
    <>
      <table className="bo-table" data-testid="campaign-results">
        <thead>
          <tr>
            <td />
            <th scope="col">{t('campaigns.channel.sms')}</th>
            <th scope="col">{t('campaigns.channel.email')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([label, of]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td className="bo-num">{of(results.sms)}</td>
              <td className="bo-num">{of(results.email)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {results.coupons && (
        <p data-testid="campaign-coupons">
          {t('campaigns.results.coupons', {
            redeemed: results.coupons.redeemed,
            sales: money(results.coupons.salesOre),
          })}
        </p>
      )}
      {results.bonus && (
        <p data-testid="campaign-bonus-results">
          {t('campaigns.results.bonus', {
            sales: results.bonus.sales,
            amount: money(results.bonus.salesOre),
            points: results.bonus.pointsEarned,
          })}
        </p>
      )}
    </>
  );
}

/** What the campaign offers, named as the programme has it (its kind alone once the programme has it no more). */
function OfferLine({ offer }: { offer: CampaignOffer }) {
  const { t, locale } = useBo();
  const [settings, setSettings] = useState<BoCampaignSettings | null>(null);
  useEffect(() => {
    if (offer.kind === 'message') return;
    let live = true;
    // Without the names the line still says the offer's kind.
    call('campaign.settings', {}).then(
      (answer) => live && setSettings(answer),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [offer.kind]);
  const lang = locale === 'nb' ? 'nb' : 'en';
  let named = t('campaigns.offer.message');
  if (offer.kind === 'coupon') {
    const coupon = settings?.coupons.find((c) => c.id === offer.couponCampaignId);
    named = coupon
      ? t('campaigns.offer.couponName', {
          name: coupon.name[lang],
          from: coupon.validFrom,
          to: coupon.validTo,
        })
      : t('campaigns.offer.coupon');
  }
  if (offer.kind === 'bonus') {
    const bonus = settings?.bonusCampaigns.find((c) => c.id === offer.bonusCampaignId);
    named = bonus
      ? t('campaigns.offer.bonusName', {
          name: bonus.name[lang],
          multiplier: bonus.multiplier,
          from: bonus.validFrom,
          to: bonus.validTo,
        })
      : t('campaigns.offer.bonus');
  }
  return <p data-testid="campaign-offer">{t('campaigns.offer.shown', { offer: named })}</p>;
}

export function CampaignView({ id, owner }: { id: string; owner: boolean }) {
  const { t, dateTime } = useBo();
  const [campaign, setCampaign] = useState<BoCampaign | null>(null);
  const [problem, setProblem] = useState<Shown | null>(null);
  // Which confirmation is open: send now, or plan the send for the draft's time.
  const [asking, setAsking] = useState<'now' | 'schedule' | null>(null);
  const [busy, setBusy] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const { navigate } = useRoute();

  useEffect(() => {
    let live = true;
    call('campaign.get', { id }).then(
      (answer) => live && setCampaign(answer),
      (error: unknown) => live && setProblem(failureText(error)),
    );
    return () => {
      live = false;
    };
  }, [id]);

  const remove = async () => {
    setBusy(true);
    setProblem(null);
    try {
      await call('campaign.delete', { id });
      navigate('/campaigns');
    } catch (error) {
      setProblem(failureText(error));
      setBusy(false);
    }
  };

  const send = async () => {
    setBusy(true);
    setProblem(null);
    try {
      setCampaign(
        await call(asking === 'schedule' ? 'campaign.schedule' : 'campaign.send', { id }),
      );
      setAsking(null);
    } catch (error) {
      setProblem(failureText(error));
    }
    setBusy(false);
  };

  if (!campaign) return <Alert kind="error" shown={problem} />;
  const state =
    campaign.state === 'draft'
      ? t('campaigns.state.draft')
      : campaign.sendAt !== null && campaign.sendAt > (campaign.sentAt ?? 0)
        ? t('campaigns.state.scheduled', { at: dateTime(campaign.sendAt) })
        : t('campaigns.state.sent', { at: dateTime(campaign.sentAt ?? 0) });
  return (
    <div className="cp-layout">
      <section className="bo-card cp-main" aria-labelledby="cp-name">
        <h2 id="cp-name">{campaign.name}</h2>
        <p data-testid="campaign-state">
          <strong>{state}</strong> · {campaign.segmentName ?? ''}
        </p>
        <OfferLine offer={campaign.offer} />
        {campaign.state === 'draft' && (
          <Alert kind="error" shown={campaign.unsent} testId="campaign-unsent" />
        )}
        <Alert kind="error" shown={problem} />
        <h3>{t('campaigns.texts')}</h3>
        {campaign.sms && (
          <div className="cp-text">
            <strong>{t('campaigns.channel.sms')}</strong>
            <p className="cp-pre">{campaign.sms.text}</p>
          </div>
        )}
        {campaign.email && (
          <div className="cp-text">
            <strong>
              {t('campaigns.channel.email')}: {campaign.email.subject}
            </strong>
            <p className="cp-pre">{campaign.email.text}</p>
          </div>
        )}
        {campaign.state === 'sent' && (
          <Alert
            kind="ok"
            shown={t('campaigns.sentNote', {
              sms: campaign.enqueued.sms,
              email: campaign.enqueued.email,
            })}
          />
        )}
        {campaign.state !== 'sent' && owner && !asking && !deleting && (
          <div className="bo-actions">
            {campaign.state === 'draft' && campaign.sendAt !== null && (
              <button
                type="button"
                className="btn btn-primary"
                onClick={() => setAsking('schedule')}
                data-testid="campaign-schedule"
              >
                {t('campaigns.schedule')}
              </button>
            )}
            <button
              type="button"
              className={
                campaign.state === 'draft' && campaign.sendAt !== null ? 'btn' : 'btn btn-primary'
              }
              onClick={() => setAsking('now')}
              data-testid="campaign-send"
            >
              {t('campaigns.send')}
            </button>
            <Link
              to={`/campaigns/${encodeURIComponent(id)}?edit=1`}
              className="btn"
              testId="campaign-edit"
            >
              {t('campaigns.edit')}
            </Link>
            <button
              type="button"
              className="btn"
              onClick={() => setDeleting(true)}
              data-testid="campaign-delete"
            >
              {t('campaigns.delete')}
            </button>
          </div>
        )}
        {deleting && (
          <div className="cp-confirm" role="group" aria-labelledby="cp-delete-q">
            <p id="cp-delete-q">{t('campaigns.deleteQuestion', { name: campaign.name })}</p>
            <div className="bo-actions">
              <button
                type="button"
                className="btn btn-danger"
                disabled={busy}
                onClick={() => void remove()}
                data-testid="campaign-delete-confirm"
                autoFocus
              >
                {t('campaigns.deleteConfirm')}
              </button>
              <button type="button" className="btn" onClick={() => setDeleting(false)}>
                {t('campaigns.sendCancel')}
              </button>
            </div>
          </div>
        )}
        {asking && (
          <div className="cp-confirm" role="group" aria-labelledby="cp-confirm-q">
            <p id="cp-confirm-q">
              {asking === 'schedule'
                ? t('campaigns.scheduleQuestion', {
                    segment: campaign.segmentName ?? '',
                    at: dateTime(campaign.sendAt ?? 0),
                  })
                : t('campaigns.sendQuestion', { segment: campaign.segmentName ?? '' })}
            </p>
            <div className="bo-actions">
              <button
                type="button"
                className="btn btn-primary"
                disabled={busy}
                onClick={() => void send()}
                data-testid="campaign-send-confirm"
                autoFocus
              >
                {t(asking === 'schedule' ? 'campaigns.scheduleConfirm' : 'campaigns.sendConfirm')}
              </button>
              <button type="button" className="btn" onClick={() => setAsking(null)}>
                {t('campaigns.sendCancel')}
              </button>
            </div>
          </div>
        )}
      </section>
      <aside className="bo-card cp-side">
        {campaign.preview && (
          <>
            <h2>{t('campaigns.reach.title')}</h2>
            <Reach
              preview={campaign.preview}
              channels={{ sms: campaign.sms !== null, email: campaign.email !== null }}
            />
          </>
        )}
        {campaign.results && (
          <>
            <h2>{t('campaigns.results.title')}</h2>
            <Results results={campaign.results} />
          </>
        )}
      </aside>
    </div>
  );
}

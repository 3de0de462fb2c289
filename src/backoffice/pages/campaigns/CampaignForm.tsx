/**
 * A new campaign (/campaigns/new?segment=<id>): name, saved segment, offer
 * (the programme's coupon and bonus campaigns not over by the day it goes out),
 * SMS and/or e-mail texts with the SMS parts counted as typed, when; the reach
 * and cost asked of the cloud 400 ms after the segment or SMS text changes.
 * Saved as a draft, then sent from its own page.
 */
import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import type {
  BoCampaign,
  BoCampaignPreview,
  BoCampaignSettings,
  CampaignOffer,
} from '../../../contract/backoffice/campaigns';
import { offerOverAt } from '../../../contract/backoffice/campaigns';
import type { BoSegmentSummary } from '../../../contract/backoffice/segments';
import type { Shown } from '../../../core/i18n';
import { campaignSmsParts } from '../../../core/messaging/sms-parts';
import { call, failureText } from '../../api';
import { Alert } from '../../components/Alert';
import { SmsTextField } from '../../components/SmsTextField';
import { useBo } from '../../i18n';
import { useRoute } from '../../router';
import { Reach } from './Reach';

/** A datetime-local input's value for an instant (the browser's own time zone). */
function localInput(ms: number): string {
  const at = new Date(ms);
  return new Date(ms - at.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

/**
 * The choice kept: the one chosen while it is still offered, else the first
 * offered, else (none offered) the one chosen, so the cloud names what is wrong.
 */
function kept(offered: readonly { id: string }[], chosen: string): string {
  return offered.some((c) => c.id === chosen) ? chosen : (offered[0]?.id ?? chosen);
}

/** The offer as the form's choices make it. */
function offerOf(kind: CampaignOffer['kind'], couponId: string, bonusId: string): CampaignOffer {
  if (kind === 'coupon') return { kind, couponCampaignId: couponId };
  if (kind === 'bonus') return { kind, bonusCampaignId: bonusId };
  return { kind };
}

/** A new campaign, or a draft being changed (`editing`). */
export function CampaignForm({ editing = null }: { editing?: BoCampaign | null } = {}) {
  const { t, locale } = useBo();
  const { search, navigate } = useRoute();
  const [segments, setSegments] = useState<BoSegmentSummary[] | null>(null);
  const [settings, setSettings] = useState<BoCampaignSettings | null>(null);
  const [name, setName] = useState(editing?.name ?? '');
  const [segmentId, setSegmentId] = useState(editing?.segmentId ?? search.get('segment') ?? '');
  const [offer, setOffer] = useState<CampaignOffer['kind']>(editing?.offer.kind ?? 'message');
  const [couponId, setCouponId] = useState(
    editing?.offer.kind === 'coupon' ? editing.offer.couponCampaignId : '',
  );
  const [bonusId, setBonusId] = useState(
    editing?.offer.kind === 'bonus' ? editing.offer.bonusCampaignId : '',
  );
  const [useSms, setUseSms] = useState(editing ? editing.sms !== null : true);
  const [smsText, setSmsText] = useState(editing?.sms?.text ?? '');
  const [useEmail, setUseEmail] = useState(editing?.email != null);
  const [subject, setSubject] = useState(editing?.email?.subject ?? '');
  const [emailText, setEmailText] = useState(editing?.email?.text ?? '');
  const [later, setLater] = useState(editing?.sendAt != null);
  const [when, setWhen] = useState(editing?.sendAt != null ? localInput(editing.sendAt) : '');
  const [preview, setPreview] = useState<BoCampaignPreview | null>(null);
  const [problem, setProblem] = useState<Shown | null>(null);
  const [busy, setBusy] = useState(false);
  /** "Now" for a campaign sent at once: when the form was opened. */
  const [openedAt] = useState(() => Date.now());

  useEffect(() => {
    Promise.all([call('segment.list', {}), call('campaign.settings', {})]).then(
      ([list, got]) => {
        setSegments(list);
        setSettings(got);
      },
      (error: unknown) => setProblem(failureText(error)),
    );
  }, []);

  const smsForCost = useSms ? smsText : '';
  useEffect(() => {
    if (segmentId === '') return;
    let live = true;
    const timer = setTimeout(() => {
      call('campaign.preview', { segmentId, smsText: smsForCost.trim() || null }).then(
        (answer) => live && setPreview(answer),
        (error: unknown) => live && setProblem(failureText(error)),
      );
    }, 400);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [segmentId, smsForCost]);

  const parts = campaignSmsParts(smsText);

  const scheduledAt = later && when !== '' ? new Date(when).getTime() : null;
  // Offers over by the day the campaign goes out are not offered (the cloud refuses them).
  const sendAt = scheduledAt !== null && Number.isFinite(scheduledAt) ? scheduledAt : openedAt;
  const open = <C extends { validTo: string }>(choices: readonly C[]) =>
    settings ? choices.filter((c) => !offerOverAt(c.validTo, sendAt, settings.timeZone)) : [];
  const coupons = open(settings?.coupons ?? []);
  const bonuses = open(settings?.bonusCampaigns ?? []);
  const chosenCoupon = kept(coupons, couponId);
  const chosenBonus = kept(bonuses, bonusId);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      const campaign = {
        name,
        segmentId,
        offer: offerOf(offer, chosenCoupon, chosenBonus),
        sms: useSms ? { text: smsText } : null,
        email: useEmail ? { subject, text: emailText } : null,
        sendAt: scheduledAt,
      };
      const saved = editing
        ? await call('campaign.update', { id: editing.id, campaign })
        : await call('campaign.create', campaign);
      navigate(`/campaigns/${encodeURIComponent(saved.id)}`);
    } catch (error) {
      setProblem(failureText(error));
      setBusy(false);
    }
  };

  const lang = locale === 'nb' ? 'nb' : 'en';
  return (
    <form className="cp-layout" onSubmit={(e) => void save(e)} data-testid="campaign-form">
      <section className="bo-card bo-form cp-main">
        <Alert kind="error" shown={problem} />
        <label className="field">
          <span>{t('campaigns.form.name')}</span>
          <input
            className="input"
            value={name}
            onChange={(e) => setName(e.target.value)}
            maxLength={80}
            required
            data-testid="campaign-name"
          />
        </label>
        <label className="field">
          <span>{t('campaigns.form.segment')}</span>
          <select
            className="input"
            value={segmentId}
            onChange={(e) => setSegmentId(e.target.value)}
            required
            data-testid="campaign-segment"
          >
            <option value="">{t('campaigns.form.chooseSegment')}</option>
            {(segments ?? []).map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        {segments && segments.length === 0 && (
          <p className="bo-hint">{t('campaigns.form.noSegments')}</p>
        )}
        <fieldset className="cp-fieldset">
          <legend>{t('campaigns.form.offer')}</legend>
          <label className="cp-choice">
            <input
              type="radio"
              name="offer"
              checked={offer === 'message'}
              onChange={() => setOffer('message')}
            />
            {t('campaigns.offer.message')}
          </label>
          <label className="cp-choice">
            <input
              type="radio"
              name="offer"
              checked={offer === 'coupon'}
              onChange={() => setOffer('coupon')}
              disabled={coupons.length === 0}
              data-testid="offer-coupon"
            />
            {t('campaigns.offer.coupon')}
          </label>
          {coupons.length === 0 && (
            <p className="bo-hint" data-testid="offer-no-coupons">
              {t(
                settings && settings.coupons.length > 0
                  ? 'campaigns.offer.couponsOver'
                  : 'campaigns.offer.noCoupons',
              )}
            </p>
          )}
          {offer === 'coupon' && (
            <>
              <select
                className="input"
                value={chosenCoupon}
                onChange={(e) => setCouponId(e.target.value)}
                aria-label={t('campaigns.offer.coupon')}
                data-testid="campaign-coupon"
              >
                {coupons.map((c) => (
                  <option key={c.id} value={c.id}>
                    {t('campaigns.offer.couponName', {
                      name: c.name[lang],
                      from: c.validFrom,
                      to: c.validTo,
                    })}
                  </option>
                ))}
              </select>
              <p className="bo-hint">{t('campaigns.offer.couponHint')}</p>
            </>
          )}
          <label className="cp-choice">
            <input
              type="radio"
              name="offer"
              checked={offer === 'bonus'}
              onChange={() => setOffer('bonus')}
              disabled={bonuses.length === 0}
              data-testid="offer-bonus"
            />
            {t('campaigns.offer.bonus')}
          </label>
          {settings && bonuses.length === 0 && (
            <p className="bo-hint" data-testid="offer-no-bonuses">
              {t(
                settings.bonusCampaigns.length > 0
                  ? 'campaigns.offer.bonusesOver'
                  : 'campaigns.offer.noBonuses',
              )}
            </p>
          )}
          {offer === 'bonus' && (
            <>
              <select
                className="input"
                value={chosenBonus}
                onChange={(e) => setBonusId(e.target.value)}
                aria-label={t('campaigns.offer.bonus')}
                data-testid="campaign-bonus"
              >
                {bonuses.map((c) => (
                  <option key={c.id} value={c.id}>
                    {t('campaigns.offer.bonusName', {
                      name: c.name[lang],
                      multiplier: c.multiplier,
                      from: c.validFrom,
                      to: c.validTo,
                    })}
                  </option>
                ))}
              </select>
              <p className="bo-hint">{t('campaigns.offer.bonusHint')}</p>
            </>
          )}
        </fieldset>
        <fieldset className="cp-fieldset">
          <legend>{t('campaigns.form.channels')}</legend>
          <label className="cp-choice">
            <input
              type="checkbox"
              checked={useSms}
              onChange={(e) => setUseSms(e.target.checked)}
              data-testid="channel-sms"
            />
            {t('campaigns.channel.sms')}
          </label>
          {useSms && (
            <SmsTextField
              value={smsText}
              onChange={setSmsText}
              parts={parts}
              rows={4}
              testId="campaign-sms"
              partsTestId="sms-parts"
            />
          )}
          <label className="cp-choice">
            <input
              type="checkbox"
              checked={useEmail}
              onChange={(e) => setUseEmail(e.target.checked)}
              data-testid="channel-email"
            />
            {t('campaigns.channel.email')}
          </label>
          {useEmail && (
            <>
              <label className="field">
                <span>{t('campaigns.form.emailSubject')}</span>
                <input
                  className="input"
                  value={subject}
                  onChange={(e) => setSubject(e.target.value)}
                  maxLength={150}
                  required
                  data-testid="campaign-subject"
                />
              </label>
              <label className="field">
                <span>{t('campaigns.form.emailText')}</span>
                <textarea
                  className="input"
                  rows={6}
                  value={emailText}
                  onChange={(e) => setEmailText(e.target.value)}
                  required
                  data-testid="campaign-email"
                />
                <small className="bo-hint">{t('campaigns.form.emailHint')}</small>
              </label>
            </>
          )}
        </fieldset>
        <fieldset className="cp-fieldset">
          <legend>{t('campaigns.form.when')}</legend>
          <label className="cp-choice">
            <input type="radio" name="when" checked={!later} onChange={() => setLater(false)} />
            {t('campaigns.when.now')}
          </label>
          <label className="cp-choice">
            <input type="radio" name="when" checked={later} onChange={() => setLater(true)} />
            {t('campaigns.when.later')}
          </label>
          {later && (
            <input
              className="input"
              type="datetime-local"
              value={when}
              onChange={(e) => setWhen(e.target.value)}
              required
              aria-label={t('campaigns.when.later')}
              data-testid="campaign-when"
            />
          )}
          <p className="bo-hint">{t('campaigns.when.quiet')}</p>
        </fieldset>
        <div className="bo-actions">
          <button
            type="submit"
            className="btn btn-primary"
            disabled={busy || (!useSms && !useEmail)}
            data-testid="campaign-save"
          >
            {t('campaigns.save')}
          </button>
        </div>
      </section>
      <aside className="bo-card cp-side" aria-labelledby="cp-reach-title">
        <h2 id="cp-reach-title">{t('campaigns.reach.title')}</h2>
        {preview ? (
          <Reach preview={preview} channels={{ sms: useSms, email: useEmail }} />
        ) : (
          <p className="bo-hint">{t('campaigns.reach.pick')}</p>
        )}
      </aside>
    </form>
  );
}

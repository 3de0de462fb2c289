/**
 * One automatic message: its on/off switch, channels, SMS text (its parts
 * counted on the text as sent to a member with a typical first name) and
 * e-mail text, the fields it may fill in, and what it sent in the last 30
 * days. Saved on its own.
 */
import { useState } from 'react';
import type { FormEvent } from 'react';
import type {
  BoAutomation,
  BoAutomationCounts,
  BoAutomations,
} from '../../../contract/backoffice/automations';
import {
  exampleValues,
  PAGE_LINK_FIELD,
  renderAutomationText,
} from '../../../contract/backoffice/automations';
import { money, msg } from '../../../core/i18n';
import type { Shown } from '../../../core/i18n';
import { campaignSmsParts } from '../../../core/messaging/sms-parts';
import { call, failureText } from '../../api';
import { Alert } from '../../components/Alert';
import { SmsTextField } from '../../components/SmsTextField';
import { useBo } from '../../i18n';
import type { BoKey } from '../../i18n';

function Counts({ label, counts }: { label: string; counts: BoAutomationCounts }) {
  const { t } = useBo();
  return (
    <li>
      <strong>{label}:</strong> {t('automations.counts', { ...counts })}
    </li>
  );
}

export function AutomationCard({
  automation,
  settings,
  onSaved,
}: {
  automation: BoAutomation;
  settings: BoAutomations;
  onSaved: (next: BoAutomations) => void;
}) {
  const { t } = useBo();
  const kind = automation.kind;
  const [enabled, setEnabled] = useState(automation.enabled);
  const [useSms, setUseSms] = useState(automation.channels.sms);
  const [useEmail, setUseEmail] = useState(automation.channels.email);
  const [smsText, setSmsText] = useState(automation.sms.text);
  const [subject, setSubject] = useState(automation.email.subject);
  const [emailText, setEmailText] = useState(automation.email.text);
  const [said, setSaid] = useState<{ kind: 'ok' | 'error'; shown: Shown } | null>(null);
  const [busy, setBusy] = useState(false);

  const parts = campaignSmsParts(
    renderAutomationText(
      smsText,
      exampleValues({ club: settings.clubName, coupon: settings.birthdayCoupon?.nb ?? null }),
    ),
  );
  const title = t(`automations.kind.${kind}` as BoKey);
  const id = `auto-${kind}`;
  const coupon = settings.birthdayCoupon;

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setSaid(null);
    try {
      const next = await call('automation.save', {
        kind,
        enabled,
        channels: { sms: useSms, email: useEmail },
        sms: { text: smsText },
        email: { subject, text: emailText },
      });
      setSaid({ kind: 'ok', shown: msg('backoffice.ui.automations.saved') });
      onSaved(next);
    } catch (error) {
      setSaid({ kind: 'error', shown: failureText(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section
      className="bo-card au-card"
      aria-labelledby={`${id}-title`}
      data-testid={`automation-${kind}`}
    >
      <form className="bo-form" onSubmit={(e) => void save(e)}>
        <header className="au-head">
          <div>
            <h2 id={`${id}-title`}>{title}</h2>
            <p className="bo-hint">{t(`automations.kind.${kind}.about` as BoKey)}</p>
          </div>
          <label className="au-switch">
            <input
              type="checkbox"
              role="switch"
              checked={enabled}
              onChange={(e) => setEnabled(e.target.checked)}
              aria-label={t('automations.switch', { name: title })}
              data-testid={`automation-${kind}-enabled`}
            />
            <span aria-hidden="true">{enabled ? t('automations.on') : t('automations.off')}</span>
          </label>
        </header>
        {kind === 'birthday' && (
          <p className={coupon ? 'bo-hint' : 'au-warning'} data-testid="automation-coupon">
            {coupon
              ? t('automations.coupon', { coupon })
              : t('automations.noCoupon', { fields: '{kupong}, {gyldig_til}' })}
          </p>
        )}
        <p className="bo-hint">
          {t('automations.placeholders', {
            list: automation.placeholders.map((p) => `{${p}}`).join(', '),
          })}
        </p>
        {automation.placeholders.includes(PAGE_LINK_FIELD) && (
          <p className="bo-hint" data-testid={`automation-${kind}-page-link`}>
            {t('automations.pageLink', { field: `{${PAGE_LINK_FIELD}}` })}
          </p>
        )}
        <fieldset className="cp-fieldset">
          <legend>{t('campaigns.form.channels')}</legend>
          <label className="cp-choice">
            <input
              type="checkbox"
              checked={useSms}
              onChange={(e) => setUseSms(e.target.checked)}
              data-testid={`automation-${kind}-sms-on`}
            />
            {t('campaigns.channel.sms')}
          </label>
          {useSms && (
            <SmsTextField
              value={smsText}
              onChange={setSmsText}
              parts={parts}
              rows={3}
              testId={`automation-${kind}-sms`}
              partsTestId={`automation-${kind}-parts`}
              after={
                <>
                  {' · '}
                  {t('automations.smsCost', { cost: money(parts.parts * settings.smsPriceOre) })}
                </>
              }
            />
          )}
          <label className="cp-choice">
            <input
              type="checkbox"
              checked={useEmail}
              onChange={(e) => setUseEmail(e.target.checked)}
              data-testid={`automation-${kind}-email-on`}
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
                  data-testid={`automation-${kind}-subject`}
                />
              </label>
              <label className="field">
                <span>{t('campaigns.form.emailText')}</span>
                <textarea
                  className="input"
                  rows={5}
                  value={emailText}
                  onChange={(e) => setEmailText(e.target.value)}
                  required
                  data-testid={`automation-${kind}-email`}
                />
                <small className="bo-hint">{t('campaigns.form.emailHint')}</small>
              </label>
            </>
          )}
        </fieldset>
        <div className="au-foot">
          <button
            type="submit"
            className="btn btn-primary"
            disabled={busy}
            data-testid={`automation-${kind}-save`}
          >
            {t('automations.save')}
          </button>
          <Alert kind={said?.kind ?? 'ok'} shown={said?.shown ?? null} />
        </div>
        <div className="au-results">
          <h3>{t('automations.last30')}</h3>
          <ul data-testid={`automation-${kind}-counts`}>
            <Counts label={t('campaigns.channel.sms')} counts={automation.last30Days.sms} />
            <Counts label={t('campaigns.channel.email')} counts={automation.last30Days.email} />
          </ul>
        </div>
      </form>
    </section>
  );
}

/**
 * "Kampanjer" (issue 17 point 1): the chain's campaigns (/campaigns), a new
 * one (/campaigns/new?segment=<id>, pages/campaigns/CampaignForm.tsx) and one
 * campaign (/campaigns/<id>, pages/campaigns/CampaignView.tsx). Only an owner
 * creates and sends, and sets the price per SMS part.
 */
import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import type { BoCampaignSummary } from '../../contract/backoffice/campaigns';
import { msg } from '../../core/i18n';
import type { Shown } from '../../core/i18n';
import { call, failureText } from '../api';
import { Alert } from '../components/Alert';
import { useBo } from '../i18n';
import { Link, useRoute } from '../router';
import { useSession } from '../session';
import { CampaignEdit } from './campaigns/CampaignEdit';
import { CampaignForm } from './campaigns/CampaignForm';
import { CampaignView } from './campaigns/CampaignView';
import '../campaigns.css';

function SmsPrice() {
  const { t } = useBo();
  const [value, setValue] = useState('');
  const [said, setSaid] = useState<{ kind: 'ok' | 'error'; shown: Shown } | null>(null);
  useEffect(() => {
    call('campaign.settings', {}).then(
      (s) => setValue((s.smsPriceOre / 100).toFixed(2).replace('.', ',')),
      (error: unknown) => setSaid({ kind: 'error', shown: failureText(error) }),
    );
  }, []);
  const save = async (event: FormEvent) => {
    event.preventDefault();
    const kroner = Number(value.replace(',', '.').trim());
    if (value.trim() === '' || !Number.isFinite(kroner) || kroner < 0 || kroner > 10) {
      setSaid({ kind: 'error', shown: msg('backoffice.ui.campaigns.price.invalid') });
      return;
    }
    try {
      await call('campaign.setSmsPrice', { smsPriceOre: Math.round(kroner * 100) });
      setSaid({ kind: 'ok', shown: msg('backoffice.ui.campaigns.price.saved') });
    } catch (error) {
      setSaid({ kind: 'error', shown: failureText(error) });
    }
  };
  return (
    <section className="bo-card" aria-labelledby="cp-price-title">
      <h2 id="cp-price-title">{t('campaigns.price.title')}</h2>
      <form className="bo-form cp-price" onSubmit={(e) => void save(e)}>
        <label className="field">
          <span>{t('campaigns.price.label')}</span>
          <input
            className="input"
            inputMode="decimal"
            value={value}
            onChange={(e) => setValue(e.target.value)}
            data-testid="sms-price"
          />
        </label>
        <button type="submit" className="btn" data-testid="sms-price-save">
          {t('campaigns.price.save')}
        </button>
      </form>
      <p className="bo-hint">{t('campaigns.price.hint')}</p>
      {said && <Alert kind={said.kind} shown={said.shown} />}
    </section>
  );
}

function CampaignList({ owner }: { owner: boolean }) {
  const { t, dateTime } = useBo();
  const [campaigns, setCampaigns] = useState<BoCampaignSummary[] | null>(null);
  const [problem, setProblem] = useState<Shown | null>(null);
  useEffect(() => {
    let live = true;
    call('campaign.list', {}).then(
      (answer) => live && setCampaigns(answer),
      (error: unknown) => live && setProblem(failureText(error)),
    );
    return () => {
      live = false;
    };
  }, []);
  const stateOf = (c: BoCampaignSummary) =>
    c.state === 'draft'
      ? t('campaigns.state.draft')
      : c.sendAt !== null && c.sendAt > (c.sentAt ?? 0)
        ? t('campaigns.state.scheduled', { at: dateTime(c.sendAt) })
        : t('campaigns.state.sent', { at: dateTime(c.sentAt ?? 0) });
  return (
    <>
      <section className="bo-card" aria-labelledby="cp-list-title">
        <h2 id="cp-list-title" className="visually-hidden">
          {t('campaigns.title')}
        </h2>
        <Alert kind="error" shown={problem} />
        {!owner && <p className="bo-hint">{t('campaigns.ownerOnly')}</p>}
        {campaigns && campaigns.length === 0 && <p className="bo-empty">{t('campaigns.none')}</p>}
        {campaigns && campaigns.length > 0 && (
          <div className="cp-table-wrap">
            <table className="bo-table" data-testid="campaigns-list">
              <thead>
                <tr>
                  <th scope="col">{t('campaigns.col.name')}</th>
                  <th scope="col">{t('campaigns.col.segment')}</th>
                  <th scope="col">{t('campaigns.col.channels')}</th>
                  <th scope="col">{t('campaigns.col.state')}</th>
                </tr>
              </thead>
              <tbody>
                {campaigns.map((c) => (
                  <tr key={c.id} data-testid="campaign-row">
                    <th scope="row">
                      <Link to={`/campaigns/${encodeURIComponent(c.id)}`}>{c.name}</Link>
                    </th>
                    <td>{c.segmentName ?? ''}</td>
                    <td>
                      {[
                        c.channels.sms ? t('campaigns.channel.sms') : null,
                        c.channels.email ? t('campaigns.channel.email') : null,
                      ]
                        .filter(Boolean)
                        .join(', ')}
                    </td>
                    <td className="bo-nowrap">{stateOf(c)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {owner && <SmsPrice />}
    </>
  );
}

export function CampaignsPage() {
  const { t } = useBo();
  const { path, search } = useRoute();
  const { session } = useSession();
  const owner = typeof session === 'object' && session?.account.role === 'owner';
  const rest = path.replace(/^\/campaigns\/?/, '');
  return (
    <section className="bo-page" aria-labelledby="campaigns-title">
      <header className="bo-page-head cp-head">
        <div>
          <h1 id="campaigns-title">{rest === 'new' ? t('campaigns.new') : t('campaigns.title')}</h1>
          {rest === '' && <p className="bo-lead">{t('campaigns.lead')}</p>}
        </div>
        {rest === '' && owner && (
          <Link to="/campaigns/new" className="btn btn-primary" testId="campaigns-new">
            + {t('campaigns.new')}
          </Link>
        )}
        {rest !== '' && <Link to="/campaigns">← {t('campaigns.back')}</Link>}
      </header>
      {rest === '' ? (
        <CampaignList owner={owner} />
      ) : rest === 'new' && owner ? (
        <CampaignForm />
      ) : rest === 'new' ? (
        <p className="bo-hint">{t('campaigns.ownerOnly')}</p>
      ) : search.get('edit') === '1' && owner ? (
        <CampaignEdit key={rest} id={decodeURIComponent(rest)} />
      ) : (
        <CampaignView key={rest} id={decodeURIComponent(rest)} owner={owner} />
      )}
    </section>
  );
}

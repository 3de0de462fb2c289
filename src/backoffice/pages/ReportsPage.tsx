/**
 * "Rapporter" (issue 16, point 2): the loyalty club's figures for a range of
 * local days and the stores chosen (a store manager: their own), each report
 * as a chart and a table from the same figures, saved as CSV for Excel and
 * printed on A4 (reports.css hides the rest of the page on paper). The
 * choices are in the address (/bo/reports?report=top&from=…&to=…&stores=…),
 * so a report can be bookmarked and sent on. Top members: "Lag kampanje"
 * saves the list as a segment of these members (until campaigns exist, a
 * saved segment is what a campaign is aimed with).
 */
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import type { BoStore } from '../../contract/backoffice';
import type { BoTopMembersReport } from '../../contract/backoffice/reports';
import { TOP_MEMBERS_DEFAULT, TOP_MEMBERS_MAX } from '../../contract/backoffice/reports';
import type { Shown } from '../../core/i18n';
import { call, failureText } from '../api';
import { Alert } from '../components/Alert';
import { useBo } from '../i18n';
import { useSession } from '../session';
import type { BoKey } from '../i18n';
import { Link, useRoute } from '../router';
import { reportCsv, saveFile } from './reports/download';
import { buildModel, REPORT_IDS } from './reports/models';
import type { ReportId } from './reports/models';
import { ReportTable } from './reports/ReportTable';
import '../reports.css';

const ReportChart = lazy(() =>
  import('./reports/ReportChart').then((module) => ({ default: module.ReportChart })),
);

const TAB: Record<ReportId, BoKey> = {
  share: 'reports.share.tab',
  enrolments: 'reports.enrolments.tab',
  top: 'reports.top.tab',
  coupons: 'reports.coupons.tab',
  punch: 'reports.punch.tab',
  liability: 'reports.liability.tab',
  tiers: 'reports.tiers.tab',
};

/** A local date as YYYY-MM-DD (the browser's own day: the chain's, for a back office in Norway). */
function localDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

function defaultRange(): { from: string; to: string } {
  const today = new Date();
  const from = new Date(today);
  from.setDate(from.getDate() - 29);
  return { from: localDay(from), to: localDay(today) };
}

interface Draft {
  from: string;
  to: string;
  storeIds: string[];
  n: string;
}

interface Asked {
  report: ReportId;
  from: string;
  to: string;
  storeIds: string[];
  n: number;
}

function askedOf(search: URLSearchParams): Asked {
  const fallback = defaultRange();
  const report = search.get('report');
  const n = Number(search.get('n') ?? TOP_MEMBERS_DEFAULT);
  return {
    report: (REPORT_IDS as readonly string[]).includes(report ?? '')
      ? (report as ReportId)
      : 'share',
    from: search.get('from') ?? fallback.from,
    to: search.get('to') ?? fallback.to,
    storeIds: (search.get('stores') ?? '').split(',').filter((id) => id !== ''),
    n: Number.isInteger(n) && n >= 1 && n <= TOP_MEMBERS_MAX ? n : TOP_MEMBERS_DEFAULT,
  };
}

function addressOf(asked: Asked): string {
  const query = new URLSearchParams({ report: asked.report, from: asked.from, to: asked.to });
  if (asked.storeIds.length > 0) query.set('stores', asked.storeIds.join(','));
  if (asked.report === 'top') query.set('n', String(asked.n));
  return `/reports?${query}`;
}

function fetchReport(asked: Asked): Promise<unknown> {
  const range = { from: asked.from, to: asked.to, storeIds: asked.storeIds };
  switch (asked.report) {
    case 'share':
      return call('reports.memberShare', range);
    case 'enrolments':
      return call('reports.enrolments', range);
    case 'top':
      return call('reports.topMembers', { ...range, n: asked.n });
    case 'coupons':
      return call('reports.coupons', range);
    case 'punch':
      return call('reports.punchCards', range);
    case 'liability':
      return call('reports.liability', range);
    case 'tiers':
      return call('reports.tiers', range);
  }
}

/** "Lag kampanje": the top members saved as a segment naming them. */
function CreateCampaign({ report }: { report: BoTopMembersReport }) {
  const { t } = useBo();
  const { session } = useSession();
  // Campaigns are the owner's: a store manager saves the segment and stops there.
  const owner = typeof session === 'object' && session?.account.role === 'owner';
  const [saved, setSaved] = useState<{ id: string; name: string } | null>(null);
  const [problem, setProblem] = useState<Shown | null>(null);
  const [busy, setBusy] = useState(false);
  const create = async () => {
    setBusy(true);
    setProblem(null);
    try {
      const name = t('reports.top.segmentName', {
        n: report.members.length,
        from: report.from,
        to: report.to,
      });
      const segment = await call('segment.save', {
        name,
        rule: { memberIds: report.members.map((m) => m.memberId) },
      });
      setSaved({ id: segment.id, name: segment.name });
    } catch (error) {
      setProblem(failureText(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="rep-campaign no-print">
      <button
        type="button"
        className="btn btn-primary"
        onClick={() => void create()}
        disabled={busy || report.members.length === 0}
        data-testid="rep-create-campaign"
      >
        {t('reports.top.campaign')}
      </button>
      <p className="bo-hint">{t('reports.top.campaignHint')}</p>
      <Alert kind="error" shown={problem} testId="rep-campaign-error" />
      {saved && (
        <p className="bo-alert bo-alert-ok" role="status" data-testid="rep-campaign-saved">
          {t('reports.top.saved', { name: saved.name })}{' '}
          <Link to={`/segments/${encodeURIComponent(saved.id)}`} testId="rep-open-segment">
            {t('reports.top.openSegment')}
          </Link>
          {owner && (
            <>
              {' · '}
              <Link
                to={`/campaigns/new?segment=${encodeURIComponent(saved.id)}`}
                testId="rep-new-campaign"
              >
                {t('campaigns.new')}
              </Link>
            </>
          )}
        </p>
      )}
    </div>
  );
}

export function ReportsPage() {
  const i18n = useBo();
  const { t } = i18n;
  const { search, navigate } = useRoute();
  const asked = useMemo(() => askedOf(search), [search]);
  const [stores, setStores] = useState<BoStore[] | null>(null);
  // What is typed, kept for the address it was typed over (a new address starts from its own choices).
  const [typed, setTyped] = useState<{ key: string; draft: Draft } | null>(null);
  const [answer, setAnswer] = useState<{ key: string; report: unknown } | null>(null);
  const [problem, setProblem] = useState<{
    key: string;
    shown: Shown;
    field: string | null;
  } | null>(null);
  const key = addressOf(asked);
  const draft: Draft =
    typed?.key === key
      ? typed.draft
      : { from: asked.from, to: asked.to, storeIds: asked.storeIds, n: String(asked.n) };
  const setDraft = (change: (now: Draft) => Draft) => setTyped({ key, draft: change(draft) });

  useEffect(() => {
    let live = true;
    call('stores.list', {}).then(
      (list) => live && setStores(list),
      () => live && setStores([]),
    );
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    let live = true;
    fetchReport(asked).then(
      (report) => live && setAnswer({ key, report }),
      (error: unknown) =>
        live &&
        setProblem({
          key,
          shown: failureText(error),
          field: (error as { field?: string | null }).field ?? null,
        }),
    );
    return () => {
      live = false;
    };
  }, [asked, key]);

  const report = answer?.key === key ? answer.report : null;
  const failed = problem?.key === key ? problem : null;
  const model = report ? buildModel(asked.report, report, i18n) : null;

  const show = (event: FormEvent) => {
    event.preventDefault();
    const n = Number(draft.n);
    navigate(
      addressOf({
        ...asked,
        from: draft.from,
        to: draft.to,
        storeIds: draft.storeIds,
        n: Number.isInteger(n) ? n : asked.n,
      }),
    );
  };
  const choose = (report: ReportId) => navigate(addressOf({ ...asked, report }));
  const toggleStore = (storeId: string) =>
    setDraft((now) => ({
      ...now,
      storeIds: now.storeIds.includes(storeId)
        ? now.storeIds.filter((id) => id !== storeId)
        : [...now.storeIds, storeId],
    }));
  const storeCount = asked.storeIds.length > 0 ? asked.storeIds.length : (stores?.length ?? 0);

  return (
    <section className="bo-page rep-page">
      <div className="bo-page-head no-print">
        <h1>{t('reports.title')}</h1>
        <p className="bo-lead">{t('reports.lead')}</p>
      </div>
      <form className="bo-card rep-filters no-print" onSubmit={show} data-testid="rep-filters">
        <div className="field">
          <label htmlFor="rep-from">{t('reports.from')}</label>
          <input
            id="rep-from"
            type="date"
            className="input"
            value={draft.from}
            onChange={(event) => setDraft((now) => ({ ...now, from: event.target.value }))}
            aria-invalid={failed?.field === 'from'}
            data-testid="rep-from"
          />
        </div>
        <div className="field">
          <label htmlFor="rep-to">{t('reports.to')}</label>
          <input
            id="rep-to"
            type="date"
            className="input"
            value={draft.to}
            onChange={(event) => setDraft((now) => ({ ...now, to: event.target.value }))}
            aria-invalid={failed?.field === 'to'}
            data-testid="rep-to"
          />
        </div>
        {asked.report === 'top' && (
          <div className="field rep-n">
            <label htmlFor="rep-n">{t('reports.top.n')}</label>
            <input
              id="rep-n"
              className="input"
              inputMode="numeric"
              value={draft.n}
              onChange={(event) => setDraft((now) => ({ ...now, n: event.target.value }))}
              data-testid="rep-n"
            />
          </div>
        )}
        <fieldset className="rep-stores">
          <legend>{t('reports.stores')}</legend>
          <p className="bo-hint">{t('reports.allStores')}</p>
          {(stores ?? []).map((store) => (
            <label key={store.storeId} className="rep-store">
              <input
                type="checkbox"
                checked={draft.storeIds.includes(store.storeId)}
                onChange={() => toggleStore(store.storeId)}
                data-testid={`rep-store-${store.storeId}`}
              />
              {store.name}
            </label>
          ))}
        </fieldset>
        <button type="submit" className="btn btn-primary" data-testid="rep-show">
          {t('reports.show')}
        </button>
      </form>

      <nav className="rep-tabs no-print" aria-label={t('reports.choose')}>
        {REPORT_IDS.map((id) => (
          <button
            key={id}
            type="button"
            className={`btn btn-small${id === asked.report ? ' btn-primary' : ''}`}
            aria-current={id === asked.report ? 'page' : undefined}
            onClick={() => choose(id)}
            data-testid={`rep-tab-${id}`}
          >
            {t(TAB[id])}
          </button>
        ))}
      </nav>

      {failed && <Alert kind="error" shown={failed.shown} testId="rep-error" />}
      {!model && !failed && (
        <p className="bo-loading" aria-busy="true">
          {t('reports.loading')}
        </p>
      )}
      {model && (
        <article
          className="bo-card rep-report"
          aria-labelledby="rep-title"
          data-testid={`rep-${asked.report}`}
        >
          <header className="rep-head">
            <div>
              <h2 id="rep-title">{model.title}</h2>
              <p className="rep-period" data-testid="rep-period">
                {t('reports.period', {
                  from: asked.from,
                  to: asked.to,
                  stores: t('reports.storeCount', { count: storeCount }),
                })}
              </p>
            </div>
            <div className="rep-actions no-print">
              <button
                type="button"
                className="btn"
                onClick={() =>
                  saveFile(
                    `rapport-${asked.report}-${asked.from}-${asked.to}.csv`,
                    reportCsv(model),
                  )
                }
                data-testid="rep-csv"
              >
                {t('reports.csv')}
              </button>
              <button
                type="button"
                className="btn"
                onClick={() => window.print()}
                data-testid="rep-print"
              >
                {t('reports.print')}
              </button>
            </div>
          </header>
          <p className="bo-hint rep-note" data-testid="rep-note">
            {model.note}
          </p>
          {model.headline && (
            <p className="rep-headline" data-testid="rep-headline">
              {model.headline}
            </p>
          )}
          {asked.report === 'top' && <CreateCampaign report={report as BoTopMembersReport} />}
          {model.rows.length === 0 ? (
            <p className="bo-empty" data-testid="rep-empty">
              {t('reports.empty')}
            </p>
          ) : (
            <>
              {model.chart && (
                <Suspense fallback={<div className="rep-chart" />}>
                  <ReportChart chart={model.chart} />
                </Suspense>
              )}
              <ReportTable model={model} />
            </>
          )}
        </article>
      )}
    </section>
  );
}

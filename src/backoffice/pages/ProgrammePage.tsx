/**
 * "Kundeklubben": the programme editor. The programme in force (or a template
 * to start from) becomes a draft; every rule of it is edited here, judged on
 * each change by the core's own schema with each problem beside its field; the
 * preview works a basket out with the till's engine against the draft; an
 * owner publishes it (a new version, to every store or chosen ones, now or from
 * a date: PublishDialog) or goes back to
 * an older version. A store manager sees the rules and the versions.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { BoProgrammeTemplate, BoProgrammeVersion } from '../../contract/backoffice/programme';
import type { BoOutputs } from '../../contract/backoffice';
import type { Product } from '../../core/catalogue';
import type { Shown } from '../../core/i18n';
import { msg } from '../../core/i18n';
import type { Programme } from '../../core/programme';
import { call, failureText } from '../api';
import { Alert } from '../components/Alert';
import { Modal } from '../components/Modal';
import { BASE, useRoute } from '../router';
import { useSession } from '../session';
import { judge, setAt } from './programme/draft';
import type { Draft } from './programme/draft';
import { DraftContext, usePe } from './programme/fields';
import type { DraftApi } from './programme/fields';
import { History } from './programme/History';
import { PublishDialog } from './programme/PublishDialog';
import { Preview } from './programme/Preview';
import { ProgrammeSections, SECTIONS } from './programme/sections';
import '../programme.css';

const P = 'backoffice.ui.programme';

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

interface Loaded {
  now: BoOutputs['programme.get'];
  list: BoProgrammeVersion[];
  temps: BoProgrammeTemplate[];
  products: Product[];
}

async function fetchAll(): Promise<Loaded> {
  const [now, list, temps, products] = await Promise.all([
    call('programme.get', {}),
    call('programme.history', {}),
    call('programme.templates', {}),
    call('programme.catalogue', {}),
  ]);
  return { now, list, temps, products };
}

export function ProgrammePage() {
  const { t, say, dateTime, date } = usePe();
  const { session } = useSession();
  const signedIn = session !== null && session !== 'checking' ? session : null;
  const isOwner = signedIn?.account.role === 'owner';
  const chainStores = signedIn?.stores ?? [];

  const [published, setPublished] = useState<Programme | null>(null);
  const [current, setCurrent] = useState<BoProgrammeVersion | null>(null);
  const [versions, setVersions] = useState<BoProgrammeVersion[] | null>(null);
  const [templates, setTemplates] = useState<BoProgrammeTemplate[]>([]);
  const [catalogue, setCatalogue] = useState<Product[]>([]);
  const [loaded, setLoaded] = useState(false);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [template, setTemplate] = useState<BoProgrammeTemplate | null>(null);
  const [askTemplate, setAskTemplate] = useState<BoProgrammeTemplate | null>(null);
  const [askPublish, setAskPublish] = useState(false);
  const [problem, setProblem] = useState<Shown | null>(null);
  const [notice, setNotice] = useState<Shown | null>(null);
  const { navigate } = useRoute();
  /** Where a link would have taken the owner away from unpublished changes. */
  const [leaving, setLeaving] = useState<string | null>(null);

  const apply = useCallback((data: Loaded) => {
    setPublished(data.now.programme);
    setCurrent(data.now.version);
    setVersions(data.list);
    setTemplates(data.temps);
    setCatalogue(data.products);
    if (data.now.programme) setDraft(data.now.programme as unknown as Draft);
    setLoaded(true);
  }, []);

  const failed = useCallback((error: unknown) => {
    setProblem(failureText(error));
    setLoaded(true);
  }, []);

  useEffect(() => {
    let live = true;
    fetchAll().then(
      (data) => live && apply(data),
      (error: unknown) => live && failed(error),
    );
    return () => {
      live = false;
    };
  }, [apply, failed]);

  /** After a publish or a roll-back: the new version in force, and the draft with it. */
  const reload = async () => {
    try {
      apply(await fetchAll());
    } catch (error) {
      failed(error);
    }
  };

  const judged = useMemo(() => (draft ? judge(draft) : null), [draft]);
  const dirty = draft !== null && !same(draft, published);
  const problems = judged?.problems.size ?? 0;

  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  // A link to another page of the back office while changes are unpublished: asked first.
  useEffect(() => {
    if (!dirty) return;
    const onClick = (event: MouseEvent) => {
      if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey)
        return;
      const link = (event.target as Element | null)?.closest('a[href]');
      const href = link?.getAttribute('href') ?? '';
      if (!href.startsWith(`${BASE}/`) || href.startsWith(`${BASE}/programme`)) return;
      event.preventDefault();
      event.stopPropagation();
      setLeaving(href.slice(BASE.length));
    };
    document.addEventListener('click', onClick, true);
    return () => document.removeEventListener('click', onClick, true);
  }, [dirty]);

  // The products to choose from: the chain's list, or the template's while the chain has none.
  const fromTemplate = catalogue.length === 0;
  const products = useMemo(
    () =>
      fromTemplate
        ? ((template ?? templates.find((x) => x.id === 'bakeri'))?.catalogue ?? [])
        : catalogue,
    [fromTemplate, template, templates, catalogue],
  );

  const api: DraftApi | null = useMemo(() => {
    if (!draft || !judged) return null;
    const under = (path: string) =>
      [...judged.problems.keys()].filter((p) => p === path || p.startsWith(`${path}.`)).length;
    return {
      draft,
      set: (path, value) => {
        setNotice(null);
        setDraft((old) => (old ? setAt(old, path, value) : old));
      },
      problem: (path) => judged.problems.get(path) ?? null,
      problemsUnder: under,
      editable: isOwner,
      products,
      published: published as unknown as Draft | null,
    };
  }, [draft, judged, isOwner, products, published]);

  const startFrom = (chosen: BoProgrammeTemplate) => {
    setTemplate(chosen);
    setDraft(chosen.programme as unknown as Draft);
    setAskTemplate(null);
    setNotice(msg(`${P}.draftFrom`, { name: say(chosen.name) }));
  };

  const published_ = async (version: BoProgrammeVersion) => {
    setAskPublish(false);
    await reload();
    setNotice(
      version.planned
        ? msg(`${P}.publish.donePlanned`, { number: version.number, date: date(version.startsAt) })
        : msg(`${P}.publish.done`, { number: version.number }),
    );
  };

  const rolledBack = async (version: BoProgrammeVersion) => {
    await reload();
    setNotice(
      msg(`${P}.history.done`, { number: version.number, from: version.rolledBackTo ?? 0 }),
    );
  };

  const goToFirstProblem = () => {
    const field = document.querySelector<HTMLElement>(
      '.pe-editor [aria-invalid="true"], .pe-editor .field-error',
    );
    field?.scrollIntoView({ block: 'center' });
    if (field?.matches('input, select, textarea')) field.focus();
  };

  const nextNumber = (versions?.[0]?.number ?? 0) + 1;

  return (
    <section className="bo-page pe-page" aria-labelledby="pe-title">
      <header className="bo-page-head">
        <h1 id="pe-title">{t('title')}</h1>
        <p className="bo-lead">{t('lead')}</p>
        {current && (
          <p className="bo-hint" data-testid="pe-current">
            {t('current', {
              number: current.number,
              when: dateTime(current.at),
            })}
          </p>
        )}
        {!isOwner && <p className="bo-hint">{t('readOnly')}</p>}
      </header>
      <Alert kind="error" shown={problem} testId="pe-problem" />
      <Alert kind="ok" shown={notice} testId="pe-notice" />

      {loaded && isOwner && (
        <details className="bo-card pe-templates" open={draft === null} data-testid="pe-templates">
          <summary>{t('templates.title')}</summary>
          {draft === null && <p className="bo-hint">{t('noneYet')}</p>}
          <div className="pe-row">
            {templates.map((x) => (
              <button
                key={x.id}
                type="button"
                className="btn"
                data-testid={`pe-template-${x.id}`}
                onClick={() => (draft === null ? startFrom(x) : setAskTemplate(x))}
              >
                {t('templates.use', { name: say(x.name) })}
              </button>
            ))}
          </div>
        </details>
      )}

      {api && (
        <DraftContext.Provider value={api}>
          <nav className="pe-jump" aria-label={t('sections')}>
            {SECTIONS.map((s) => {
              const count = s.paths.reduce((n, p) => n + api.problemsUnder(p), 0);
              return (
                <a key={s.id} href={`#pe-${s.id}`} className={count ? 'pe-jump-bad' : undefined}>
                  {t(s.title)}
                  {count > 0 && <span className="pe-count">{count}</span>}
                </a>
              );
            })}
            <a href="#pe-preview">{t('section.preview')}</a>
            <a href="#pe-history">{t('section.history')}</a>
          </nav>
          <div className="pe-columns">
            <div className="pe-editor">
              <ProgrammeSections fromTemplate={fromTemplate} />
            </div>
            <aside className="pe-side">
              <Preview programme={judged?.programme ?? null} products={products} />
            </aside>
          </div>
        </DraftContext.Provider>
      )}

      <History
        versions={versions}
        currentNumber={current?.number ?? null}
        canRollBack={isOwner}
        onRolledBack={(v) => void rolledBack(v)}
      />

      {isOwner && draft !== null && (
        <div className="pe-bar" data-testid="pe-bar" role="region" aria-label={t('bar.publish')}>
          <div className="pe-bar-state">
            <strong data-testid="pe-bar-state">{dirty ? t('bar.unsaved') : t('bar.clean')}</strong>
            {problems > 0 ? (
              <span className="field-error" data-testid="pe-bar-problems">
                {t('bar.problems', { count: problems })}
                {/* A rule across fields (a short name twice, a campaign ending before it starts). */}
                {judged?.problems.get('') && <> {say(judged.problems.get('')!)}</>}
              </span>
            ) : (
              <span className="bo-hint">{t('bar.where')}</span>
            )}
          </div>
          <div className="pe-bar-actions">
            {problems > 0 && (
              <button type="button" className="btn btn-small" onClick={goToFirstProblem}>
                {t('bar.firstProblem')}
              </button>
            )}
            {dirty && published && (
              <button
                type="button"
                className="btn btn-small btn-ghost"
                onClick={() => setDraft(published as unknown as Draft)}
                data-testid="pe-discard"
              >
                {t('bar.discard')}
              </button>
            )}
            <button
              type="button"
              className="btn btn-primary"
              disabled={!dirty || problems > 0}
              onClick={() => setAskPublish(true)}
              data-testid="pe-publish"
            >
              {t('bar.publish')}
            </button>
          </div>
        </div>
      )}

      {askTemplate && (
        <Modal
          title={t('templates.confirmTitle', { name: say(askTemplate.name) })}
          onClose={() => setAskTemplate(null)}
          testId="pe-template-dialog"
        >
          <div className="bo-form">
            <p>{t('templates.confirm', { name: say(askTemplate.name) })}</p>
            <div className="bo-actions">
              <button
                type="button"
                className="btn btn-primary"
                onClick={() => startFrom(askTemplate)}
                data-testid="pe-template-confirm"
              >
                {t('templates.confirmButton')}
              </button>
              <button type="button" className="btn" onClick={() => setAskTemplate(null)}>
                {t('common.cancel')}
              </button>
            </div>
          </div>
        </Modal>
      )}

      {leaving !== null && (
        <Modal title={t('leave')} onClose={() => setLeaving(null)} testId="pe-leave-dialog">
          <div className="bo-form">
            <p>{t('leaveText')}</p>
            <div className="bo-actions">
              <button
                type="button"
                className="btn btn-primary"
                onClick={() => setLeaving(null)}
                data-testid="pe-leave-stay"
              >
                {t('leaveStay')}
              </button>
              <button
                type="button"
                className="btn btn-danger-outline"
                onClick={() => {
                  const to = leaving;
                  setLeaving(null);
                  navigate(to);
                }}
                data-testid="pe-leave-go"
              >
                {t('leaveGo')}
              </button>
            </div>
          </div>
        </Modal>
      )}

      {askPublish && judged?.programme && (
        <PublishDialog
          programme={judged.programme}
          number={nextNumber}
          stores={chainStores}
          onClose={() => setAskPublish(false)}
          onPublished={(version) => void published_(version)}
        />
      )}
    </section>
  );
}

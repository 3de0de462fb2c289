/**
 * The segment builder (/segments/new, /segments/<id>): groups of conditions
 * by area (demography, geography, behaviour, consent), each "alle" or "minst
 * ett av"; the count as it is edited (asked of the cloud a moment after the
 * last change); the members, masked as the account may see them; the CSV
 * export; save and delete.
 */
import { useEffect, useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import type { BoSegment, BoSegmentMembers } from '../../../contract/backoffice/segments';
import { SEGMENT_EXPORT_MAX } from '../../../contract/backoffice/segments';
import type { Shown } from '../../../core/i18n';
import { TextField } from '../../../ui/components/TextField';
import { call, failureText } from '../../api';
import { Alert } from '../../components/Alert';
import { useCommandForm } from '../../components/useCommandForm';
import { useBo } from '../../i18n';
import { Link, useRoute } from '../../router';
import { useSession } from '../../session';
import { CriterionEditor } from './CriterionEditor';
import type { Choices } from './CriterionEditor';
import { CRITERION_AREAS, groupsOf, newCriterion, newKey, ruleOf } from './model';
import type { CriterionArea, CriterionKind, Group } from './model';

const COUNT_DELAY_MS = 400;

function useChoices(): Choices {
  const [choices, setChoices] = useState<Choices>({ tiers: [], categories: [], stores: [] });
  useEffect(() => {
    let live = true;
    void Promise.allSettled([
      call('programme.get', {}),
      call('products.list', {}),
      call('stores.list', {}),
    ]).then(([programme, products, stores]) => {
      if (!live) return;
      const tiers = programme.status === 'fulfilled' ? programme.value.programme?.tiers : null;
      setChoices({
        tiers: tiers?.enabled ? tiers.levels.map((l) => ({ id: l.id, name: l.name })) : [],
        categories: products.status === 'fulfilled' ? products.value.categories : [],
        stores: stores.status === 'fulfilled' ? stores.value : [],
      });
    });
    return () => {
      live = false;
    };
  }, []);
  return choices;
}

/** The count of the rule, asked a moment after the last change. */
function useLiveCount(rule: Record<string, unknown>) {
  const json = JSON.stringify(rule);
  const [state, setState] = useState<{
    json: string;
    count: number | null;
    problem: Shown | null;
    field: string | null;
  }>({ json: '', count: null, problem: null, field: null });
  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      call('segment.count', { rule: JSON.parse(json) as never }).then(
        (answer) => live && setState({ json, count: answer.count, problem: null, field: null }),
        (error: unknown) =>
          live &&
          setState({
            json,
            count: null,
            problem: failureText(error),
            field: (error as { field?: string | null }).field ?? null,
          }),
      );
    }, COUNT_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [json]);
  return { ...state, current: state.json === json };
}

function download(fileName: string, csv: string) {
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function MembersList({ rule }: { rule: Record<string, unknown> }) {
  const { t, date, money } = useBo();
  const { session } = useSession();
  const [page, setPage] = useState(0);
  const [shown, setShown] = useState<BoSegmentMembers | null>(null);
  const form = useCommandForm();
  const isOwner = session !== null && session !== 'checking' && session.account.role === 'owner';
  const show = async (to: number) => {
    const answer = await form.run(() => call('segment.members', { rule: rule as never, page: to }));
    if (answer) {
      setShown(answer);
      setPage(to);
    }
  };
  return (
    <section className="bo-card sg-members" aria-labelledby="sg-members-title">
      <h2 id="sg-members-title">{t('segments.members')}</h2>
      <div className="bo-actions">
        <button
          type="button"
          className="btn"
          onClick={() => void show(0)}
          disabled={form.busy}
          data-testid="segment-show"
        >
          {t('segments.showMembers')}
        </button>
      </div>
      <Alert kind="error" shown={form.formError([])} />
      {shown && !isOwner && <p className="bo-hint">{t('segments.masked')}</p>}
      {shown && (
        <div className="sg-table-wrap">
          <table className="bo-table" data-testid="segment-members">
            <thead>
              <tr>
                <th scope="col">{t('segments.col.member')}</th>
                <th scope="col">{t('segments.col.number')}</th>
                <th scope="col">{t('segments.col.phone')}</th>
                <th scope="col">{t('segments.col.email')}</th>
                <th scope="col">{t('segments.col.postal')}</th>
                <th scope="col">{t('segments.col.status')}</th>
                <th scope="col" className="bo-num">
                  {t('segments.col.spend')}
                </th>
                <th scope="col">{t('segments.col.last')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.members.map((m) => (
                <tr key={m.memberId} data-testid="segment-member">
                  <th scope="row">
                    <Link to={`/members/${encodeURIComponent(m.memberId)}`}>
                      {m.name ?? t('segments.unnamed')}
                    </Link>
                  </th>
                  <td className="bo-nowrap">{m.memberNumber}</td>
                  <td className="bo-nowrap">{m.phone ?? ''}</td>
                  <td>{m.email ?? ''}</td>
                  <td>{m.postalCode ?? ''}</td>
                  <td className="bo-nowrap">{t(`segments.status.${m.status}`)}</td>
                  <td className="bo-num">{money(m.spendOre)}</td>
                  <td className="bo-nowrap">
                    {m.lastPurchaseAt === null ? '' : date(m.lastPurchaseAt)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {(page > 0 || shown.more) && (
            <nav
              className="bo-actions bo-pager"
              aria-label={t('segments.page', { page: page + 1 })}
            >
              <button
                type="button"
                className="btn btn-small"
                disabled={page === 0 || form.busy}
                onClick={() => void show(page - 1)}
              >
                {t('segments.prev')}
              </button>
              <span>{t('segments.page', { page: page + 1 })}</span>
              <button
                type="button"
                className="btn btn-small"
                disabled={!shown.more || form.busy}
                onClick={() => void show(page + 1)}
              >
                {t('segments.next')}
              </button>
            </nav>
          )}
        </div>
      )}
    </section>
  );
}

function GroupEditor({
  group,
  index,
  choices,
  editable,
  onChange,
  onRemove,
}: {
  group: Group;
  index: number;
  choices: Choices;
  editable: boolean;
  onChange(group: Group): void;
  onRemove(): void;
}) {
  const { t } = useBo();
  const [adding, setAdding] = useState<CriterionKind | ''>('');
  const testId = `segment-group-${index}`;
  return (
    <fieldset className="sg-group" data-testid={testId}>
      <legend>{t('segments.group', { n: index + 1 })}</legend>
      <div className="sg-mode" role="radiogroup" aria-label={t('segments.mode')}>
        <span>{t('segments.mode')}</span>
        {(['all', 'any'] as const).map((mode) => (
          <label key={mode} className="sg-check">
            <input
              type="radio"
              name={`sg-mode-${group.key}`}
              checked={group.mode === mode}
              disabled={!editable}
              onChange={() => onChange({ ...group, mode })}
              data-testid={`${testId}-mode-${mode}`}
            />
            <span>{t(`segments.mode.${mode}`)}</span>
          </label>
        ))}
      </div>
      {group.criteria.length === 0 && <p className="bo-hint">{t('segments.emptyGroup')}</p>}
      <ul className="sg-criteria">
        {group.criteria.map((c, i) => (
          <li key={c.key} className="sg-criterion" data-testid={`${testId}-criterion-${i}`}>
            <div className="sg-criterion-head">
              <strong>{t(`segments.kind.${c.kind}`)}</strong>
              {editable && (
                <button
                  type="button"
                  className="btn btn-small"
                  onClick={() =>
                    onChange({ ...group, criteria: group.criteria.filter((x) => x.key !== c.key) })
                  }
                >
                  {t('segments.removeCriterion')}
                </button>
              )}
            </div>
            <CriterionEditor
              criterion={c}
              choices={choices}
              disabled={!editable}
              testId={`${testId}-c${i}`}
              onChange={(node) =>
                onChange({
                  ...group,
                  criteria: group.criteria.map((x) => (x.key === c.key ? { ...x, node } : x)),
                })
              }
            />
          </li>
        ))}
      </ul>
      {editable && (
        <div className="sg-add">
          <label className="field">
            <span>{t('segments.chooseCriterion')}</span>
            <select
              className="input"
              value={adding}
              onChange={(event) => setAdding(event.target.value as CriterionKind | '')}
              data-testid={`${testId}-kind`}
            >
              <option value="">{t('segments.chooseCriterion')}</option>
              {(Object.keys(CRITERION_AREAS) as CriterionArea[]).map((area) => (
                <optgroup key={area} label={t(`segments.area.${area}`)}>
                  {CRITERION_AREAS[area]
                    .filter((kind) => kind !== 'memberIds')
                    .map((kind) => (
                      <option key={kind} value={kind}>
                        {t(`segments.kind.${kind}`)}
                      </option>
                    ))}
                </optgroup>
              ))}
            </select>
          </label>
          <button
            type="button"
            className="btn btn-small"
            disabled={adding === ''}
            onClick={() => {
              if (adding === '') return;
              onChange({ ...group, criteria: [...group.criteria, newCriterion(adding)] });
              setAdding('');
            }}
            data-testid={`${testId}-add`}
          >
            + {t('segments.addCriterion')}
          </button>
          <button type="button" className="btn btn-small sg-remove" onClick={onRemove}>
            {t('segments.removeGroup')}
          </button>
        </div>
      )}
    </fieldset>
  );
}

export function Builder({ segmentId }: { segmentId: string | null }) {
  const { t, locale } = useBo();
  const { navigate, search } = useRoute();
  const choices = useChoices();
  const [loaded, setLoaded] = useState<BoSegment | null>(null);
  const [groups, setGroups] = useState<Group[]>(() =>
    segmentId === null ? [{ key: newKey(), mode: 'all', criteria: [] }] : [],
  );
  const [name, setName] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const form = useCommandForm();
  const exporting = useCommandForm();
  const [loadProblem, setLoadProblem] = useState<Shown | null>(null);

  useEffect(() => {
    // A new segment starts with one empty group (the state's first value); the page keys
    // the builder by its address, so the id never changes under it.
    if (segmentId === null) return;
    let live = true;
    call('segment.get', { id: segmentId }).then(
      (segment) => {
        if (!live) return;
        setLoaded(segment);
        setName(segment.name);
        setGroups(groupsOf(segment.rule));
        if (search.get('saved')) setNotice(t('segments.savedOk', { name: segment.name }));
      },
      (error: unknown) => live && setLoadProblem(failureText(error)),
    );
    return () => {
      live = false;
    };
    // The notice is the address's; a new segment id loads anew.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [segmentId]);

  const rule = useMemo(() => ruleOf(groups), [groups]);
  const counted = useLiveCount(rule);
  const editable = loaded === null || loaded.mayChange;

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setNotice(null);
    const saved = await form.run(() =>
      call('segment.save', { ...(loaded ? { id: loaded.id } : {}), name, rule: rule as never }),
    );
    if (!saved) return;
    setLoaded(saved);
    setNotice(t('segments.savedOk', { name: saved.name }));
    if (segmentId !== saved.id) navigate(`/segments/${encodeURIComponent(saved.id)}?saved=1`);
  };

  const remove = async () => {
    if (!loaded) return;
    const done = await form.run(() => call('segment.delete', { id: loaded.id }));
    if (done) navigate('/segments?deleted=1');
  };

  const exportCsv = async () => {
    setNotice(null);
    const file = await exporting.run(() =>
      call('segment.export', {
        rule: rule as never,
        ...(name.trim() ? { name: name.trim() } : {}),
        locale,
      }),
    );
    if (!file) return;
    download(file.fileName, file.csv);
    setNotice(
      t('segments.exported', { rows: file.rows, file: file.fileName }) +
        (file.truncated ? ` ${t('segments.truncated', { max: SEGMENT_EXPORT_MAX })}` : ''),
    );
  };

  if (loadProblem) return <Alert kind="error" shown={loadProblem} />;
  if (segmentId !== null && loaded === null) return <p className="bo-loading">…</p>;

  return (
    <>
      <p className="bo-back">
        <Link to="/segments">← {t('segments.back')}</Link>
      </p>
      {!editable && loaded && (
        <p className="bo-hint">{t('segments.readOnly', { name: loaded.createdBy?.name ?? '' })}</p>
      )}
      {loaded && loaded.hiddenIds > 0 && (
        <p className="bo-hint" data-testid="segment-hidden-ids">
          {t('segments.hiddenIds', { count: loaded.hiddenIds })}
        </p>
      )}
      <div className="sg-layout">
        <div className="sg-build">
          {/* On a narrow screen the side comes after the groups: the count stays in sight here. */}
          <p className="sg-count-inline" aria-hidden="true">
            {counted.count === null ? '–' : t('segments.count', { count: counted.count })}
          </p>
          <p className="bo-hint">{t('segments.groupsHint')}</p>
          {groups.map((group, index) => (
            <GroupEditor
              key={group.key}
              group={group}
              index={index}
              choices={choices}
              editable={editable}
              onChange={(next) => setGroups(groups.map((g) => (g.key === group.key ? next : g)))}
              onRemove={() => setGroups(groups.filter((g) => g.key !== group.key))}
            />
          ))}
          {editable && (
            <button
              type="button"
              className="btn btn-small"
              onClick={() => setGroups([...groups, { key: newKey(), mode: 'all', criteria: [] }])}
              data-testid="segment-add-group"
            >
              + {t('segments.addGroup')}
            </button>
          )}
        </div>
        <aside className="bo-card sg-side" aria-live="polite">
          <p className="sg-count-label">{t('segments.countLabel')}</p>
          <p className="sg-count" data-testid="segment-count" aria-busy={!counted.current}>
            {counted.count === null
              ? counted.problem
                ? '–'
                : t('segments.counting')
              : t('segments.count', { count: counted.count })}
          </p>
          {counted.problem && (
            <Alert kind="error" shown={counted.problem} testId="segment-problem" />
          )}
          {groups.every((g) => g.criteria.length === 0) && (
            <p className="bo-hint">{t('segments.everyone')}</p>
          )}
          <form onSubmit={(event) => void save(event)} noValidate className="sg-save">
            <TextField
              label={t('segments.name')}
              value={name}
              onChange={setName}
              disabled={!editable}
              error={form.fieldError('name')}
              maxLength={80}
              testId="segment-name"
            />
            {editable && (
              <button
                type="submit"
                className="btn btn-primary"
                disabled={form.busy}
                data-testid="segment-save"
              >
                {t('segments.save')}
              </button>
            )}
          </form>
          <Alert kind="error" shown={form.formError(['name'])} />
          <button
            type="button"
            className="btn"
            onClick={() => void exportCsv()}
            disabled={exporting.busy}
            data-testid="segment-export"
          >
            {t('segments.export')}
          </button>
          <Alert kind="error" shown={exporting.formError([])} />
          <Alert kind="ok" shown={notice} testId="segment-notice" />
          {loaded && loaded.mayChange && !confirming && (
            <button
              type="button"
              className="btn btn-small sg-remove"
              onClick={() => setConfirming(true)}
              data-testid="segment-delete"
            >
              {t('segments.delete')}
            </button>
          )}
          {loaded && confirming && (
            <div className="sg-confirm" role="group">
              <p>{t('segments.deleteConfirm', { name: loaded.name })}</p>
              <div className="bo-actions">
                <button
                  type="button"
                  className="btn btn-small btn-danger"
                  onClick={() => void remove()}
                  data-testid="segment-delete-yes"
                >
                  {t('segments.deleteYes')}
                </button>
                <button
                  type="button"
                  className="btn btn-small"
                  onClick={() => setConfirming(false)}
                >
                  {t('segments.cancel')}
                </button>
              </div>
            </div>
          )}
        </aside>
      </div>
      <MembersList rule={rule} />
    </>
  );
}

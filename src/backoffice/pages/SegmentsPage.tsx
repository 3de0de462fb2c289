/**
 * "Segmenter" (issue 16 point 4): the chain's saved segments (/segments), and
 * the builder of a new one (/segments/new) or a saved one (/segments/<id>):
 * pages/segments/Builder.tsx.
 */
import { useEffect, useState } from 'react';
import type { BoSegmentSummary } from '../../contract/backoffice/segments';
import type { Shown } from '../../core/i18n';
import { call, failureText } from '../api';
import { Alert } from '../components/Alert';
import { useBo } from '../i18n';
import { Link, useRoute } from '../router';
import { Builder } from './segments/Builder';
import '../segments.css';

function SavedSegments() {
  const { t, date } = useBo();
  const { search } = useRoute();
  const [segments, setSegments] = useState<BoSegmentSummary[] | null>(null);
  const [problem, setProblem] = useState<Shown | null>(null);
  useEffect(() => {
    let live = true;
    call('segment.list', {}).then(
      (answer) => live && setSegments(answer),
      (error: unknown) => live && setProblem(failureText(error)),
    );
    return () => {
      live = false;
    };
  }, []);
  return (
    <section className="bo-card" aria-labelledby="sg-saved-title">
      <h2 id="sg-saved-title">{t('segments.saved')}</h2>
      {search.get('deleted') && <Alert kind="ok" shown={t('segments.deleted')} />}
      <Alert kind="error" shown={problem} />
      {segments && segments.length === 0 && <p className="bo-empty">{t('segments.none')}</p>}
      {segments && segments.length > 0 && (
        <div className="sg-table-wrap">
          <table className="bo-table" data-testid="segments-list">
            <thead>
              <tr>
                <th scope="col">{t('segments.col.name')}</th>
                <th scope="col">{t('segments.col.by')}</th>
                <th scope="col">{t('segments.col.updated')}</th>
              </tr>
            </thead>
            <tbody>
              {segments.map((s) => (
                <tr key={s.id} data-testid="segment-row">
                  <th scope="row">
                    <Link to={`/segments/${encodeURIComponent(s.id)}`}>{s.name}</Link>
                  </th>
                  <td>{s.createdBy?.name ?? ''}</td>
                  <td className="bo-nowrap">{date(s.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

export function SegmentsPage() {
  const { t } = useBo();
  const { path } = useRoute();
  const rest = path.replace(/^\/segments\/?/, '');
  const segmentId = rest === '' || rest === 'new' ? null : decodeURIComponent(rest);
  return (
    <section className="bo-page" aria-labelledby="segments-title">
      <header className="bo-page-head sg-head">
        <div>
          <h1 id="segments-title">{t('segments.title')}</h1>
          <p className="bo-lead">{t('segments.lead')}</p>
        </div>
        {rest === '' && (
          <Link to="/segments/new" className="btn btn-primary" testId="segments-new">
            + {t('segments.new')}
          </Link>
        )}
      </header>
      {rest === '' ? <SavedSegments /> : <Builder key={rest} segmentId={segmentId} />}
    </section>
  );
}

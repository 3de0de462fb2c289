/**
 * The import's steps: the file sent in parts (imports.upload), the columns
 * mapped (guessed by the cloud from the headings), the dry run's report
 * (imports.dryRun: every row not taken, with its column and reason), then the
 * import a slice at a time (imports.run) with its progress.
 */
import { useEffect, useRef, useState } from 'react';
import type { Shown } from '../../../core/i18n';
import { IMPORT_FIELDS } from '../../../core/imports/plan';
import type { ImportField, ImportMapping } from '../../../core/imports/plan';
import { IMPORT_PART_BYTES } from '../../../contract/backoffice/imports';
import type {
  BoImportPreview,
  BoImportProblem,
  BoImportReport,
} from '../../../contract/backoffice/imports';
import { call, failureText } from '../../api';
import { busyRetryWaitMs } from '../../busy-retry';
import { Alert } from '../../components/Alert';
import { useBo } from '../../i18n';
import type { BoKey } from '../../i18n';
import { Link } from '../../router';
import { download } from './Exporter';

/** Rows of a problem list shown on the page; the report file holds them all. */
const SHOWN = 200;

function base64Of(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function Problems({
  title,
  problems,
  count,
  testId,
}: {
  title: string;
  problems: BoImportProblem[];
  count: number;
  testId: string;
}) {
  const { t, say } = useBo();
  if (count === 0) return null;
  const shown = problems.slice(0, SHOWN);
  return (
    <div className="im-problems">
      <h3>
        {title} ({count})
      </h3>
      <div className="im-table-wrap">
        <table className="bo-table" data-testid={testId}>
          <thead>
            <tr>
              <th scope="col">{t('import.row')}</th>
              <th scope="col">{t('import.column')}</th>
              <th scope="col">{t('import.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((p, i) => (
              <tr key={`${p.row}-${i}`}>
                <td className="im-num">{p.row}</td>
                <td>{p.column ?? <em>{t('import.wholeRow')}</em>}</td>
                <td>{say(p.reason)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {count > shown.length && (
        <p className="bo-hint">{t('import.moreRows', { count: count - shown.length })}</p>
      )}
    </div>
  );
}

type Stage =
  | { at: 'choose' }
  | { at: 'uploading'; percent: number }
  | { at: 'map'; preview: BoImportPreview }
  | { at: 'report'; preview: BoImportPreview; report: BoImportReport }
  | {
      at: 'running';
      preview: BoImportPreview;
      report: BoImportReport;
      done: number;
      total: number;
      /** Waiting this many seconds after a busy answer, before the same slice again. */
      busyWait?: number;
    }
  | { at: 'finished'; created: number; skipped: number; later: BoImportProblem[] };

export function Importer() {
  const { t, locale } = useBo();
  const [stage, setStage] = useState<Stage>({ at: 'choose' });
  const [mapping, setMapping] = useState<ImportMapping>({});
  const [problem, setProblem] = useState<Shown | null>(null);
  const [busy, setBusy] = useState(false);
  const summary = useRef<HTMLParagraphElement>(null);
  const reportShown = stage.at === 'report' ? stage.report : null;
  // The report lands below the mapping: brought into view (and focus, for the keyboard) when it comes.
  useEffect(() => {
    if (!reportShown) return;
    summary.current?.scrollIntoView({ block: 'start' });
    summary.current?.focus({ preventScroll: true });
  }, [reportShown]);

  const upload = async (file: File) => {
    setProblem(null);
    setStage({ at: 'uploading', percent: 0 });
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      let uploadId: string | null = null;
      let preview: BoImportPreview | null = null;
      const parts = Math.max(1, Math.ceil(bytes.length / IMPORT_PART_BYTES));
      for (let part = 0; part < parts; part++) {
        const slice = bytes.subarray(part * IMPORT_PART_BYTES, (part + 1) * IMPORT_PART_BYTES);
        const answer: { uploadId: string; preview: BoImportPreview | null } = await call(
          'imports.upload',
          { uploadId, fileName: file.name, part, data: base64Of(slice), last: part === parts - 1 },
        );
        uploadId = answer.uploadId;
        preview = answer.preview;
        setStage({ at: 'uploading', percent: Math.round(((part + 1) / parts) * 100) });
      }
      setMapping(preview!.suggested);
      setStage({ at: 'map', preview: preview! });
    } catch (error) {
      setProblem(failureText(error));
      setStage({ at: 'choose' });
    }
  };

  const dryRun = async (preview: BoImportPreview) => {
    setBusy(true);
    setProblem(null);
    try {
      const report = await call('imports.dryRun', { uploadId: preview.uploadId, mapping, locale });
      setStage({ at: 'report', preview, report });
    } catch (error) {
      setProblem(failureText(error));
    } finally {
      setBusy(false);
    }
  };

  const run = async (preview: BoImportPreview, report: BoImportReport) => {
    setProblem(null);
    let from = 0;
    let created = 0;
    const later: BoImportProblem[] = [];
    setStage({ at: 'running', preview, report, done: 0, total: report.take });
    try {
      let busyTries = 0;
      for (;;) {
        let progress;
        try {
          progress = await call('imports.run', { uploadId: preview.uploadId, mapping, from });
          busyTries = 0;
        } catch (error) {
          // The same slice again once the cloud has had a moment: rows of it stored before the
          // busy answer come back as already imported.
          const wait = busyRetryWaitMs(error, busyTries);
          if (wait === null) throw error;
          busyTries += 1;
          setStage((s) => (s.at === 'running' ? { ...s, busyWait: Math.ceil(wait / 1000) } : s));
          await new Promise((resolve) => setTimeout(resolve, wait));
          continue;
        }
        created += progress.created + progress.alreadyImported;
        later.push(...progress.refused);
        from = progress.done;
        setStage({ at: 'running', preview, report, done: progress.done, total: progress.total });
        if (progress.finished) break;
      }
      setStage({ at: 'finished', created, skipped: report.refusedCount + later.length, later });
    } catch (error) {
      // Made again from where it stopped: rows already imported are never imported twice.
      setProblem(failureText(error));
      setStage({ at: 'report', preview, report });
    }
  };

  const setField = (field: ImportField, value: string) =>
    setMapping((m) => {
      const next = { ...m };
      if (value === '') delete next[field];
      else next[field] = Number(value);
      return next;
    });

  const preview = 'preview' in stage ? stage.preview : null;
  return (
    <section className="bo-card" aria-labelledby="im-title">
      <h2 id="im-title">{t('import.title')}</h2>
      <p className="bo-hint">{t('import.intro')}</p>
      <Alert kind="error" shown={problem} testId="import-problem" />
      {(stage.at === 'choose' || stage.at === 'uploading') && (
        <label className="field">
          <span>{t('import.file')}</span>
          <input
            className="input"
            type="file"
            accept=".csv,.txt,text/csv"
            disabled={stage.at === 'uploading'}
            data-testid="import-file"
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              if (file) void upload(file);
            }}
          />
        </label>
      )}
      {stage.at === 'uploading' && (
        <p role="status">{t('import.uploading', { percent: stage.percent })}</p>
      )}
      {preview && stage.at !== 'finished' && (
        <>
          <p className="im-detected" data-testid="import-detected">
            <strong>{preview.fileName}</strong> ·{' '}
            {t('import.detected', {
              rows: preview.rows,
              encoding: preview.encoding === 'windows-1252' ? 'Windows-1252' : 'UTF-8',
              delimiter: preview.delimiter,
            })}
          </p>
          <fieldset className="im-mapping" disabled={busy || stage.at === 'running'}>
            <legend>{t('import.mapping')}</legend>
            <p className="bo-hint">{t('import.mappingHint')}</p>
            <div className="im-fields">
              {IMPORT_FIELDS.map((field) => (
                <label key={field} className="field">
                  <span>{t(`import.field.${field}` as BoKey)}</span>
                  <select
                    className="input"
                    value={mapping[field] ?? ''}
                    data-testid={`map-${field}`}
                    onChange={(e) => setField(field, e.currentTarget.value)}
                  >
                    <option value="">{t('import.notMapped')}</option>
                    {preview.header.map((heading, index) => (
                      <option key={index} value={index}>
                        {heading || `#${index + 1}`}
                        {preview.sample[0]?.[index] ? ` — ${preview.sample[0][index]}` : ''}
                      </option>
                    ))}
                  </select>
                </label>
              ))}
            </div>
            <div className="bo-actions">
              <button
                type="button"
                className="btn btn-primary"
                onClick={() => void dryRun(preview)}
                data-testid="import-dry-run"
              >
                {t('import.dryRun')}
              </button>
            </div>
          </fieldset>
        </>
      )}
      {(stage.at === 'report' || stage.at === 'running') && (
        <div className="im-report" data-testid="import-report">
          <p
            className="im-summary"
            role="status"
            tabIndex={-1}
            ref={summary}
            data-testid="import-summary"
          >
            {t('import.summary', {
              take: stage.report.take,
              refused: stage.report.refusedCount,
              notes: stage.report.notesCount,
            })}
          </p>
          <Problems
            title={t('import.refusedTitle')}
            problems={stage.report.refused}
            count={stage.report.refusedCount}
            testId="import-refused"
          />
          <Problems
            title={t('import.notesTitle')}
            problems={stage.report.notes}
            count={stage.report.notesCount}
            testId="import-notes"
          />
          <div className="bo-actions">
            {stage.report.refusedCount + stage.report.notesCount > 0 && (
              <button
                type="button"
                className="btn"
                onClick={() =>
                  download(
                    `${stage.preview.fileName.replace(/\.[^.]*$/, '')}-rapport.csv`,
                    stage.report.reportCsv,
                  )
                }
              >
                {t('import.downloadReport')}
              </button>
            )}
            {stage.at === 'report' && stage.report.take > 0 && (
              <button
                type="button"
                className="btn btn-primary"
                onClick={() => void run(stage.preview, stage.report)}
                data-testid="import-run"
              >
                {t('import.run', { count: stage.report.take })}
              </button>
            )}
          </div>
          {stage.at === 'running' && (
            <div className="im-progress">
              <progress max={Math.max(1, stage.total)} value={stage.done} />
              <p role="status" data-testid="import-progress">
                {t('import.progress', { done: stage.done, total: stage.total })}
              </p>
              {stage.busyWait !== undefined && (
                <p role="status" data-testid="import-busy">
                  {t('import.busy', { seconds: stage.busyWait })}
                </p>
              )}
            </div>
          )}
        </div>
      )}
      {stage.at === 'finished' && (
        <div data-testid="import-finished">
          <Alert
            kind="ok"
            shown={t('import.done', { created: stage.created, skipped: stage.skipped })}
          />
          <Problems
            title={t('import.refusedTitle')}
            problems={stage.later}
            count={stage.later.length}
            testId="import-refused-later"
          />
          <p>
            <Link to="/members">{t('import.seeMembers')}</Link>
          </p>
        </div>
      )}
    </section>
  );
}

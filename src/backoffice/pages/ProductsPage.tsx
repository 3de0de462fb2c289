/**
 * "Produkter": the chain's catalogue as the tills sell from it. Anyone signed
 * in searches it (name, item number, barcode) and filters by category; an
 * owner adds and changes a product in a form (each field's problem beside
 * it), removes one, and imports a CSV file (chosen or pasted): the cloud
 * answers a report per line first, and only then are the valid lines saved,
 * all in one change the tills pull.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { kronerText, parseKroner } from '../../contract/backoffice/products';
import type {
  BoCatalogue,
  BoProduct,
  ImportReport,
  ImportRow,
} from '../../contract/backoffice/products';
import { msg } from '../../core/i18n';
import type { Shown } from '../../core/i18n';
import { TextField } from '../../ui/components/TextField';
import { call, failureText } from '../api';
import { Alert } from '../components/Alert';
import { Modal } from '../components/Modal';
import { useCommandForm } from '../components/useCommandForm';
import { useBo } from '../i18n';
import type { BoKey } from '../i18n';
import { useSession } from '../session';
import '../products.css';

const VAT_CHOICES = [25, 15, 12, 0] as const;

interface Draft {
  sku: string;
  name: string;
  category: string;
  price: string;
  memberPrice: string;
  vatRate: string;
  barcodes: string;
  quickKey: boolean;
}

const EMPTY: Draft = {
  sku: '',
  name: '',
  category: '',
  price: '',
  memberPrice: '',
  vatRate: '15',
  barcodes: '',
  quickKey: false,
};

function draftOf(p: BoProduct): Draft {
  return {
    sku: p.sku,
    name: p.name,
    category: p.category,
    price: kronerText(p.priceOre),
    memberPrice: p.memberPriceOre === null ? '' : kronerText(p.memberPriceOre),
    vatRate: String(p.vatRate),
    barcodes: p.barcodes.join(' '),
    quickKey: p.quickKey,
  };
}

function ProductDialog({
  product,
  categories,
  onClose,
  onSaved,
}: {
  product: BoProduct | null;
  categories: string[];
  onClose(): void;
  onSaved(text: string): void;
}) {
  const { t } = useBo();
  const [draft, setDraft] = useState<Draft>(product ? draftOf(product) : EMPTY);
  const [priceProblem, setPriceProblem] = useState<{ price: Shown | null; member: Shown | null }>({
    price: null,
    member: null,
  });
  const [confirmRemove, setConfirmRemove] = useState(false);
  const form = useCommandForm();
  const set = (field: keyof Draft) => (value: string) =>
    setDraft((d) => ({ ...d, [field]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const price = parseKroner(draft.price);
    const member = draft.memberPrice.trim() === '' ? null : parseKroner(draft.memberPrice);
    const problems = {
      price: price === null ? msg('backoffice.products.priceNeeded') : null,
      member:
        member === null && draft.memberPrice.trim() !== ''
          ? msg('backoffice.products.kroner')
          : null,
    };
    setPriceProblem(problems);
    if (problems.price || problems.member) return;
    const answer = await form.run(() =>
      call('products.save', {
        product: {
          sku: draft.sku,
          name: draft.name,
          category: draft.category,
          priceOre: price!,
          memberPriceOre: member,
          vatRate: Number(draft.vatRate) as 25 | 15 | 12 | 0,
          barcodes: draft.barcodes.split(/[\s,|]+/).filter((b) => b !== ''),
          quickKey: draft.quickKey,
        },
        previousSku: product?.sku ?? null,
      }),
    );
    if (answer) onSaved(t('products.saved', { name: answer.product.name }));
  };

  const remove = async () => {
    if (!product) return;
    const answer = await form.run(() => call('products.remove', { sku: product.sku }));
    if (answer) onSaved(t('products.removed', { name: product.name }));
  };

  const fields = [
    'product.sku',
    'product.name',
    'product.category',
    'product.priceOre',
    'product.memberPriceOre',
    'product.vatRate',
    'product.barcodes',
  ];
  return (
    <Modal
      title={product ? t('products.editTitle', { name: product.name }) : t('products.newTitle')}
      onClose={onClose}
      testId="product-dialog"
    >
      <form className="bo-form bo-product-form" onSubmit={submit} noValidate>
        <div className="bo-product-grid">
          <TextField
            label={t('products.name')}
            value={draft.name}
            onChange={set('name')}
            autofocus
            error={form.fieldError('product.name')}
            testId="product-name"
          />
          <TextField
            label={t('products.sku')}
            value={draft.sku}
            onChange={set('sku')}
            spellCheck={false}
            autoCapitalize="none"
            error={form.fieldError('product.sku')}
            testId="product-sku"
          />
          <label className="field">
            <span>{t('products.category')}</span>
            <input
              className="input"
              list="product-categories"
              value={draft.category}
              onChange={(e) => set('category')(e.target.value)}
              aria-invalid={form.fieldError('product.category') !== null}
              data-testid="product-category"
              autoComplete="off"
            />
            <datalist id="product-categories">
              {categories.map((c) => (
                <option key={c} value={c} />
              ))}
            </datalist>
            {form.fieldError('product.category') && (
              <small className="field-error" role="alert">
                <SaidText shown={form.fieldError('product.category')!} />
              </small>
            )}
          </label>
          <label className="field">
            <span>{t('products.vat')}</span>
            <select
              className="input"
              value={draft.vatRate}
              onChange={(e) => set('vatRate')(e.target.value)}
              data-testid="product-vat"
            >
              {VAT_CHOICES.map((rate) => (
                <option key={rate} value={rate}>
                  {t('products.vatRate', { rate })}
                </option>
              ))}
            </select>
          </label>
          <TextField
            label={t('products.price')}
            value={draft.price}
            onChange={set('price')}
            inputMode="decimal"
            hint={t('products.kronerHint')}
            error={priceProblem.price ?? form.fieldError('product.priceOre')}
            testId="product-price"
          />
          <TextField
            label={t('products.memberPrice')}
            value={draft.memberPrice}
            onChange={set('memberPrice')}
            inputMode="decimal"
            hint={t('products.memberPriceHint')}
            error={priceProblem.member ?? form.fieldError('product.memberPriceOre')}
            testId="product-member-price"
          />
          <TextField
            label={t('products.barcodes')}
            value={draft.barcodes}
            onChange={set('barcodes')}
            inputMode="numeric"
            hint={t('products.barcodesHint')}
            error={form.fieldError('product.barcodes')}
            spanAll
            testId="product-barcodes"
          />
          <label className="bo-check span-all">
            <input
              type="checkbox"
              checked={draft.quickKey}
              onChange={(e) => setDraft((d) => ({ ...d, quickKey: e.target.checked }))}
              data-testid="product-quick-key"
            />
            <span>{t('products.quickKey')}</span>
          </label>
        </div>
        <Alert kind="error" shown={form.formError(fields)} />
        {confirmRemove ? (
          <div className="bo-confirm" role="group" aria-label={t('products.remove')}>
            <p>{t('products.removeText', { name: product?.name ?? '' })}</p>
            <div className="bo-actions">
              <button
                type="button"
                className="btn btn-danger"
                onClick={() => void remove()}
                disabled={form.busy}
                data-testid="product-remove-confirm"
              >
                {t('products.removeConfirm')}
              </button>
              <button type="button" className="btn" onClick={() => setConfirmRemove(false)}>
                {t('app.cancel')}
              </button>
            </div>
          </div>
        ) : (
          <div className="bo-actions">
            <button
              type="submit"
              className="btn btn-primary"
              disabled={form.busy}
              data-testid="product-save"
            >
              {t('products.save')}
            </button>
            <button type="button" className="btn" onClick={onClose}>
              {t('app.cancel')}
            </button>
            {product && (
              <button
                type="button"
                className="btn btn-danger-outline bo-push-right"
                onClick={() => setConfirmRemove(true)}
                data-testid="product-remove"
              >
                {t('products.remove')}
              </button>
            )}
          </div>
        )}
      </form>
    </Modal>
  );
}

function SaidText({ shown }: { shown: Shown }) {
  const { say } = useBo();
  return <>{say(shown)}</>;
}

const FIELD_LABEL: Record<keyof BoProduct, BoKey> = {
  sku: 'products.sku',
  name: 'products.name',
  category: 'products.category',
  priceOre: 'products.price',
  memberPriceOre: 'products.memberPrice',
  vatRate: 'products.vat',
  barcodes: 'products.barcodes',
  quickKey: 'products.quickKeyShort',
};

/** How many lines of the report are shown at once (the wrong ones always first). */
const REPORT_SHOWN = 200;

function ReportTable({ rows }: { rows: ImportRow[] }) {
  const { t, say } = useBo();
  const ordered = useMemo(
    () => [
      ...rows.filter((r) => r.status === 'error'),
      ...rows.filter((r) => r.status !== 'error'),
    ],
    [rows],
  );
  const statusText: Record<ImportRow['status'], string> = {
    new: t('productImport.statusNew'),
    changed: t('productImport.statusChanged'),
    unchanged: t('productImport.statusUnchanged'),
    error: t('productImport.statusError'),
  };
  return (
    <div className="bo-report-scroll">
      <table className="bo-table bo-report" data-testid="import-report">
        <thead>
          <tr>
            <th scope="col">{t('productImport.line')}</th>
            <th scope="col">{t('products.sku')}</th>
            <th scope="col">{t('products.name')}</th>
            <th scope="col">{t('productImport.result')}</th>
          </tr>
        </thead>
        <tbody>
          {ordered.slice(0, REPORT_SHOWN).map((row) => (
            <tr key={row.line} data-testid="import-row" data-status={row.status}>
              <td>{row.line}</td>
              <td>{row.sku ?? '–'}</td>
              <td>{row.name ?? '–'}</td>
              <td>
                <span className={`bo-tag bo-tag-${row.status}`}>{statusText[row.status]}</span>
                {row.problems.map((p, i) => (
                  <span key={i} className="bo-report-problem">
                    {p.column ? <strong>{p.column}: </strong> : null}
                    {say(p.said)}
                  </span>
                ))}
                {row.status === 'changed' && (
                  <span className="bo-report-changes">
                    {row.changes.map((c) => t(FIELD_LABEL[c])).join(', ')}
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {ordered.length > REPORT_SHOWN && (
        <p className="bo-hint">
          {t('productImport.more', { count: ordered.length - REPORT_SHOWN })}
        </p>
      )}
    </div>
  );
}

function ImportDialog({ onClose, onApplied }: { onClose(): void; onApplied(text: string): void }) {
  const { t, say } = useBo();
  const [csv, setCsv] = useState('');
  const [fileName, setFileName] = useState<string | null>(null);
  const [allOrNothing, setAllOrNothing] = useState(false);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [checkedText, setCheckedText] = useState<string | null>(null);
  const reportRef = useRef<HTMLElement>(null);
  const form = useCommandForm();

  const readFile = async (file: File | undefined) => {
    if (!file) return;
    setFileName(file.name);
    setCsv(await file.text());
    setReport(null);
  };
  const check = async () => {
    const answer = await form.run(() => call('products.importCsv', { csv, apply: false }));
    if (answer) {
      setReport(answer);
      setCheckedText(csv);
      requestAnimationFrame(() => reportRef.current?.scrollIntoView({ block: 'start' }));
    }
  };
  const apply = async () => {
    const answer = await form.run(() =>
      call('products.importCsv', { csv, apply: true, allOrNothing }),
    );
    if (!answer) return;
    setReport(answer);
    if (answer.applied)
      onApplied(
        t('productImport.applied', {
          added: answer.counts.new,
          changed: answer.counts.changed,
          skipped: answer.counts.error,
        }),
      );
  };
  const stale = report !== null && checkedText !== csv;
  const changes = report ? report.counts.new + report.counts.changed : 0;
  const blocked = report !== null && allOrNothing && report.counts.error > 0;

  return (
    <Modal title={t('productImport.title')} onClose={onClose} testId="import-dialog">
      <div className="bo-form bo-import">
        <p>{t('productImport.intro')}</p>
        <p className="bo-hint">{t('productImport.columns')}</p>
        <div className="field">
          <span>{t('productImport.file')}</span>
          <div className="bo-file-row">
            <label className="btn bo-file-button">
              {t('productImport.chooseFile')}
              <input
                type="file"
                accept=".csv,text/csv,text/plain"
                className="visually-hidden"
                onChange={(e) => void readFile(e.target.files?.[0])}
                data-testid="import-file"
              />
            </label>
            <small className="member-sub" data-testid="import-file-name">
              {fileName ?? t('productImport.noFile')}
            </small>
          </div>
        </div>
        <TextField
          label={t('productImport.paste')}
          value={csv}
          onChange={(value) => {
            setCsv(value);
            setFileName(null);
          }}
          rows={5}
          spellCheck={false}
          testId="import-text"
        />
        <label className="bo-check">
          <input
            type="checkbox"
            checked={allOrNothing}
            onChange={(e) => setAllOrNothing(e.target.checked)}
            data-testid="import-all-or-nothing"
          />
          <span>{t('productImport.allOrNothing')}</span>
        </label>
        <Alert kind="error" shown={form.formError([])} />
        {report && !stale && (
          <section
            ref={reportRef}
            aria-label={t('productImport.reportTitle')}
            className="bo-import-report"
          >
            {report.fileProblems.map((p, i) => (
              <Alert key={i} kind="error" shown={p} testId="import-file-problem" />
            ))}
            {report.fileProblems.length === 0 && (
              <p className="bo-report-counts" data-testid="import-counts">
                {t('productImport.counts', {
                  added: report.counts.new,
                  changed: report.counts.changed,
                  unchanged: report.counts.unchanged,
                  errors: report.counts.error,
                })}
              </p>
            )}
            {report.ignoredColumns.length > 0 && (
              <p className="bo-hint">
                {t('productImport.ignored', { columns: report.ignoredColumns.join(', ') })}
              </p>
            )}
            {blocked && !report.applied && (
              <Alert
                kind="info"
                shown={msg('backoffice.products.notApplied', { count: report.counts.error })}
              />
            )}
            {report.rows.length > 0 && <ReportTable rows={report.rows} />}
          </section>
        )}
        <div className="bo-actions">
          <button
            type="button"
            className={report && !stale ? 'btn' : 'btn btn-primary'}
            onClick={() => void check()}
            disabled={form.busy || csv.trim() === ''}
            data-testid="import-check"
          >
            {t('productImport.check')}
          </button>
          {report && !stale && !report.applied && (
            <button
              type="button"
              className="btn btn-primary"
              onClick={() => void apply()}
              disabled={form.busy || changes === 0 || blocked}
              data-testid="import-apply"
            >
              {t('productImport.apply', { count: changes })}
            </button>
          )}
          <button type="button" className="btn" onClick={onClose}>
            {report?.applied ? t('app.done') : t('app.cancel')}
          </button>
        </div>
        {report && stale && (
          <p className="bo-hint">{say(msg('backoffice.ui.productImport.changedSince'))}</p>
        )}
      </div>
    </Modal>
  );
}

export function ProductsPage() {
  const { t, money, dateTime } = useBo();
  const { session } = useSession();
  const isOwner = session !== null && session !== 'checking' && session.account.role === 'owner';
  const [search, setSearch] = useState('');
  const [category, setCategory] = useState<string | null>(null);
  const [catalogue, setCatalogue] = useState<BoCatalogue | null>(null);
  const [problem, setProblem] = useState<Shown | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [editing, setEditing] = useState<BoProduct | 'new' | null>(null);
  const [importing, setImporting] = useState(false);
  const [reads, setReads] = useState(0);

  useEffect(() => {
    let live = true;
    const timer = setTimeout(
      () => {
        call('products.list', { search, category }).then(
          (answer) => {
            if (!live) return;
            setCatalogue(answer);
            setProblem(null);
          },
          (error: unknown) => live && setProblem(failureText(error)),
        );
      },
      search ? 200 : 0,
    );
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [search, category, reads]);

  const done = (text: string) => {
    setNotice(text);
    setEditing(null);
    setImporting(false);
    setReads((n) => n + 1);
  };

  return (
    <section className="bo-page" aria-labelledby="products-title">
      <header className="bo-page-head">
        <h1 id="products-title">{t('products.title')}</h1>
        <p className="bo-lead">{isOwner ? t('products.leadOwner') : t('products.leadManager')}</p>
        {catalogue && catalogue.savedAt !== null && (
          <p className="bo-hint" data-testid="products-saved">
            {catalogue.savedBy
              ? t('products.savedBy', { when: dateTime(catalogue.savedAt), who: catalogue.savedBy })
              : t('products.savedAt', { when: dateTime(catalogue.savedAt) })}
          </p>
        )}
      </header>
      <Alert kind="error" shown={problem} />
      <Alert kind="ok" shown={notice} testId="products-notice" />
      <div className="bo-toolbar">
        <label className="field bo-search">
          <span>{t('products.search')}</span>
          <input
            className="input"
            type="search"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            placeholder={t('products.searchHint')}
            data-testid="products-search"
          />
        </label>
        <label className="field">
          <span>{t('products.category')}</span>
          <select
            className="input"
            value={category ?? ''}
            onChange={(e) => setCategory(e.target.value === '' ? null : e.target.value)}
            data-testid="products-category"
          >
            <option value="">{t('products.allCategories')}</option>
            {catalogue?.categories.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </label>
        {isOwner && (
          <div className="bo-toolbar-actions">
            <button
              type="button"
              className="btn btn-primary"
              onClick={() => setEditing('new')}
              data-testid="products-new"
            >
              {t('products.new')}
            </button>
            <button
              type="button"
              className="btn"
              onClick={() => setImporting(true)}
              data-testid="products-import"
            >
              {t('productImport.open')}
            </button>
          </div>
        )}
      </div>
      {catalogue === null && !problem && <p aria-busy="true">{t('app.loading')}</p>}
      {catalogue && catalogue.total === 0 && <p className="bo-empty">{t('products.none')}</p>}
      {catalogue && catalogue.total > 0 && (
        <>
          <p className="bo-hint" data-testid="products-count">
            {t('products.count', {
              shown: catalogue.products.length,
              matched: catalogue.matched,
              total: catalogue.total,
            })}
          </p>
          <div className="bo-table-scroll">
            <table className="bo-table bo-products" data-testid="products-table">
              <thead>
                <tr>
                  <th scope="col">{t('products.name')}</th>
                  <th scope="col">{t('products.sku')}</th>
                  <th scope="col">{t('products.category')}</th>
                  <th scope="col" className="bo-num">
                    {t('products.price')}
                  </th>
                  <th scope="col" className="bo-num">
                    {t('products.memberPrice')}
                  </th>
                  <th scope="col" className="bo-num">
                    {t('products.vat')}
                  </th>
                  <th scope="col">{t('products.barcodes')}</th>
                </tr>
              </thead>
              <tbody>
                {catalogue.products.map((p) => (
                  <tr key={p.sku} data-testid="product-row">
                    <th scope="row">
                      {isOwner ? (
                        <button
                          type="button"
                          className="bo-link-button"
                          onClick={() => setEditing(p)}
                          data-testid="product-edit"
                        >
                          {p.name}
                        </button>
                      ) : (
                        p.name
                      )}
                    </th>
                    <td>{p.sku}</td>
                    <td>{p.category}</td>
                    <td className="bo-num" data-testid="product-price-cell">
                      {money(p.priceOre)}
                    </td>
                    <td className="bo-num">
                      {p.memberPriceOre === null ? '–' : money(p.memberPriceOre)}
                    </td>
                    <td className="bo-num">{t('products.vatRate', { rate: p.vatRate })}</td>
                    <td className="bo-barcodes">{p.barcodes.join(', ') || '–'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      {editing && (
        <ProductDialog
          product={editing === 'new' ? null : editing}
          categories={catalogue?.categories ?? []}
          onClose={() => setEditing(null)}
          onSaved={done}
        />
      )}
      {importing && <ImportDialog onClose={() => setImporting(false)} onApplied={done} />}
    </section>
  );
}

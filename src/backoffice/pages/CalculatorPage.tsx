/**
 * "Lojalitetskalkulator" (issue 16, point 5; the seeds' "Diller-effekten"):
 * what members spending a little more, coming a little more often and staying
 * a little longer mean for revenue per customer. The owner types today's
 * baseline (kroner per visit, visits a year, years as a customer) and moves
 * three levers (typed, or on a slider: arrow keys and touch); the core's
 * `loyaltyEffect` gives the revenue before and after, the change in per cent,
 * and each lever's share, drawn as a chart (loaded on its own: the chart
 * library is the larger part of this page), and the formula is written out
 * with the figures filled in. Nothing is sent anywhere.
 *
 * The baseline may be typed or taken from the chain's own data (average
 * basket, visits a year, time as a customer from the members' purchases of
 * the last year: calculator/BaselineFromData.tsx), with how each figure was
 * got written out; what the data cannot give is said, never made up.
 */
import { lazy, Suspense, useMemo, useState } from 'react';
import { percent } from '../../core/i18n';
import type { Msg } from '../../core/i18n';
import { loyaltyEffect, parseCalculatorForm } from '../../core/loyalty-calculator';
import type {
  CalculatorField,
  CalculatorForm,
  CalculatorResult,
} from '../../core/loyalty-calculator';
import { FieldNotes, TextField } from '../../ui/components/TextField';
import { useBo } from '../i18n';
import type { BoKey } from '../i18n';
import { BaselineFromData } from './calculator/BaselineFromData';
import '../calculator.css';

const CalculatorChart = lazy(() =>
  import('./calculator/CalculatorChart').then((module) => ({ default: module.CalculatorChart })),
);

/** The levers start at the seeds' example (+100 kr, +1 visit, +6 months); the baseline is the owner's. */
const START: CalculatorForm = {
  basketKr: '',
  visitsPerYear: '',
  years: '',
  moreKr: '100',
  moreVisits: '1',
  moreMonths: '6',
};

const BASELINE_FIELDS: readonly { field: CalculatorField; label: BoKey; placeholder: string }[] = [
  { field: 'basketKr', label: 'calculator.basketKr', placeholder: '350' },
  { field: 'visitsPerYear', label: 'calculator.visitsPerYear', placeholder: '5' },
  { field: 'years', label: 'calculator.years', placeholder: '3' },
];

interface Lever {
  field: CalculatorField;
  label: BoKey;
  /** How the slider's value is said ("+100 kr"). */
  said: BoKey;
  /** The slider's range, in the unit typed: a typed figure may go beyond it. */
  max: number;
  step: number;
}

const LEVERS: readonly Lever[] = [
  { field: 'moreKr', label: 'calculator.moreKr', said: 'calculator.plusKr', max: 500, step: 10 },
  {
    field: 'moreVisits',
    label: 'calculator.moreVisits',
    said: 'calculator.plusVisits',
    max: 12,
    step: 0.5,
  },
  {
    field: 'moreMonths',
    label: 'calculator.moreMonths',
    said: 'calculator.plusMonths',
    max: 36,
    step: 1,
  },
];

/** A typed figure as a number for the slider (0 when it is not one yet). */
function sliderValue(typed: string, max: number): number {
  const value = Number(typed.replace(/[\s\u00a0]/g, '').replace(',', '.'));
  return Number.isFinite(value) ? Math.min(Math.max(value, 0), max) : 0;
}

function LeverField({
  lever,
  value,
  error,
  onChange,
  onBlur,
}: {
  lever: Lever;
  value: string;
  error: Msg | null;
  onChange(value: string): void;
  onBlur(): void;
}) {
  const { t, locale } = useBo();
  const position = sliderValue(value, lever.max);
  // The slider writes the figure as the reader writes numbers (1,5 in bokmål).
  const written = (n: number) => (locale === 'en' ? String(n) : String(n).replace('.', ','));
  const said =
    lever.field === 'moreKr'
      ? t(lever.said, { amount: position })
      : t(lever.said, { count: position });
  const id = `calc-${lever.field}`;
  return (
    <div className="field calc-lever" onBlur={onBlur}>
      <label htmlFor={id}>{t(lever.label)}</label>
      <div className="calc-lever-row">
        <input
          id={id}
          className="input"
          autoComplete="off"
          inputMode="decimal"
          value={value}
          onChange={(event) => onChange(event.target.value)}
          aria-invalid={error !== null}
          data-testid={id}
        />
        <input
          type="range"
          className="calc-slider"
          min={0}
          max={lever.max}
          step={lever.step}
          value={position}
          aria-label={t('calculator.slider', { what: t(lever.label) })}
          aria-valuetext={said}
          onChange={(event) => onChange(written(Number(event.target.value)))}
          data-testid={`${id}-slider`}
        />
      </div>
      <FieldNotes lockedBy={null} error={error} testId={id} />
    </div>
  );
}

function Figures({ result }: { result: CalculatorResult }) {
  const { t } = useBo();
  const kr = (ore: number) => t('calculator.kr', { amount: ore / 100 });
  return (
    <dl className="calc-figures">
      <div>
        <dt>{t('calculator.before')}</dt>
        <dd data-testid="calc-before">{kr(result.beforeOre)}</dd>
      </div>
      <div>
        <dt>{t('calculator.after')}</dt>
        <dd data-testid="calc-after">{kr(result.afterOre)}</dd>
      </div>
      <div className="calc-change">
        <dt>{t('calculator.change')}</dt>
        <dd aria-live="polite">
          <strong data-testid="calc-change">
            {t('calculator.plusPercent', { change: percent(result.changePercent) })}
          </strong>
          <span data-testid="calc-change-kr">
            {t('calculator.morePerCustomer', { amount: result.changeOre / 100 })}
          </span>
        </dd>
      </div>
    </dl>
  );
}

function Formula({ result }: { result: CalculatorResult }) {
  const { t } = useBo();
  const kr = (ore: number) => t('calculator.kr', { amount: ore / 100 });
  const { baseline, levers } = result;
  return (
    <section className="bo-card calc-formula" aria-labelledby="calc-formula-title">
      <h2 id="calc-formula-title">{t('calculator.formulaTitle')}</h2>
      <p className="calc-formula-general" data-testid="calc-formula">
        {t('calculator.formula')}
      </p>
      <p data-testid="calc-formula-before">
        {t('calculator.formulaBefore', {
          basket: baseline.basketOre / 100,
          visits: baseline.visitsHundredths / 100,
          years: baseline.monthsHundredths / 1200,
          revenue: kr(result.beforeOre),
        })}
      </p>
      <p data-testid="calc-formula-after">
        {t('calculator.formulaAfter', {
          basket: baseline.basketOre / 100,
          moreBasket: levers.basketOre / 100,
          visits: baseline.visitsHundredths / 100,
          moreVisits: levers.visitsHundredths / 100,
          years: baseline.monthsHundredths / 1200,
          moreMonths: levers.monthsHundredths / 100,
          revenue: kr(result.afterOre),
        })}
      </p>
      <p data-testid="calc-formula-change">
        {t('calculator.formulaChange', {
          after: kr(result.afterOre),
          before: kr(result.beforeOre),
          change: percent(result.changePercent),
        })}
      </p>
    </section>
  );
}

export function CalculatorPage() {
  const { t } = useBo();
  const [form, setForm] = useState<CalculatorForm>(START);
  // A field's complaint is shown once it has been typed in or left.
  const [touched, setTouched] = useState<ReadonlySet<CalculatorField>>(new Set());
  const parsed = useMemo(() => parseCalculatorForm(form), [form]);
  const result = parsed.ok ? loyaltyEffect(parsed.baseline, parsed.levers) : null;
  const issue = (field: CalculatorField): Msg | null =>
    !parsed.ok && (touched.has(field) || form[field] !== '')
      ? (parsed.issues[field] ?? null)
      : null;
  const set = (field: CalculatorField) => (value: string) =>
    setForm((now) => ({ ...now, [field]: value }));
  const touch = (field: CalculatorField) => () =>
    setTouched((now) => (now.has(field) ? now : new Set(now).add(field)));
  const anyShown =
    !parsed.ok && Object.keys(parsed.issues).some((f) => issue(f as CalculatorField));

  return (
    <section className="bo-page calc-page">
      <div className="bo-page-head">
        <h1>{t('calculator.title')}</h1>
        <p className="bo-lead">{t('calculator.lead')}</p>
      </div>
      <div className="calc-grid">
        <div className="calc-inputs">
          <section className="bo-card" aria-labelledby="calc-baseline-title">
            <h2 id="calc-baseline-title">{t('calculator.baselineTitle')}</h2>
            <p className="bo-hint">{t('calculator.baselineHint')}</p>
            <div className="calc-fields">
              {BASELINE_FIELDS.map(({ field, label, placeholder }) => (
                <div key={field} onBlur={touch(field)}>
                  <TextField
                    label={t(label)}
                    value={form[field]}
                    onChange={set(field)}
                    error={issue(field)}
                    inputMode="decimal"
                    placeholder={placeholder}
                    testId={`calc-${field}`}
                  />
                </div>
              ))}
            </div>
            <BaselineFromData onFigures={(figures) => setForm((now) => ({ ...now, ...figures }))} />
          </section>
          <section className="bo-card" aria-labelledby="calc-levers-title">
            <h2 id="calc-levers-title">{t('calculator.leversTitle')}</h2>
            <p className="bo-hint">{t('calculator.leversHint')}</p>
            <div className="calc-levers">
              {LEVERS.map((lever) => (
                <LeverField
                  key={lever.field}
                  lever={lever}
                  value={form[lever.field]}
                  error={issue(lever.field)}
                  onChange={set(lever.field)}
                  onBlur={touch(lever.field)}
                />
              ))}
            </div>
          </section>
        </div>
        <section className="bo-card calc-result" aria-labelledby="calc-result-title">
          <h2 id="calc-result-title">{t('calculator.resultTitle')}</h2>
          <p className="bo-hint">{t('calculator.resultHint')}</p>
          {result ? (
            <>
              <Figures result={result} />
              <h3>{t('calculator.chartTitle')}</h3>
              <Suspense fallback={<div className="calc-chart-room" />}>
                <CalculatorChart result={result} />
              </Suspense>
              <p className="bo-hint">{t('calculator.sharedNote')}</p>
            </>
          ) : (
            <p className="calc-waiting" data-testid="calc-waiting">
              {anyShown ? t('calculator.waiting') : t('calculator.start')}
            </p>
          )}
        </section>
      </div>
      {result && <Formula result={result} />}
    </section>
  );
}

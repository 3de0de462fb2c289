/** One condition of the segment builder: its fields, as the kind of condition asks for them. */
import type { Text } from '../../../core/i18n';
import { TextField } from '../../../ui/components/TextField';
import { useBo } from '../../i18n';
import type { BoKey } from '../../i18n';
import type { Criterion } from './model';

/** What the pickers offer: the chain's tiers, categories and stores. */
export interface Choices {
  tiers: Array<{ id: string; name: Text }>;
  categories: string[];
  stores: Array<{ storeId: string; name: string }>;
}

type Node = Record<string, unknown>;

/** A whole number typed, or undefined when the field is empty (no limit). */
function wholeNumber(typed: string): number | undefined {
  const digits = typed.replace(/\s/g, '');
  if (digits === '') return undefined;
  const n = Number(digits.replace(',', '.'));
  return Number.isFinite(n) ? Math.max(0, Math.round(n)) : undefined;
}

const shownNumber = (value: unknown) => (typeof value === 'number' ? String(value) : '');

function Checks({
  legend,
  options,
  chosen,
  onChange,
  disabled,
  testId,
}: {
  legend: string;
  options: Array<{ value: string; label: string }>;
  chosen: readonly string[];
  onChange(next: string[]): void;
  disabled: boolean;
  testId: string;
}) {
  return (
    <fieldset className="sg-checks" data-testid={testId}>
      <legend>{legend}</legend>
      {options.map((o) => (
        <label key={o.value} className="sg-check">
          <input
            type="checkbox"
            checked={chosen.includes(o.value)}
            disabled={disabled}
            onChange={(event) =>
              onChange(
                event.target.checked
                  ? [...chosen, o.value]
                  : chosen.filter((value) => value !== o.value),
              )
            }
          />
          <span>{o.label}</span>
        </label>
      ))}
    </fieldset>
  );
}

export function CriterionEditor({
  criterion,
  choices,
  onChange,
  disabled,
  testId,
}: {
  criterion: Criterion;
  choices: Choices;
  onChange(node: Node): void;
  disabled: boolean;
  testId: string;
}) {
  const { t, locale } = useBo();
  const node = criterion.node;
  const set = (field: string, value: unknown) => onChange({ ...node, [field]: value });
  const list = (field: string) => (node[field] as string[] | undefined) ?? [];
  const number = (
    label: BoKey,
    value: unknown,
    put: (n: number | undefined) => void,
    id: string,
  ) => (
    <TextField
      label={t(label)}
      value={shownNumber(value)}
      onChange={(typed) => put(wholeNumber(typed))}
      inputMode="numeric"
      disabled={disabled}
      testId={`${testId}-${id}`}
    />
  );
  const bounds = (field: string, withDays: boolean, kr = false) => {
    const b = (node[field] as { days?: number; min?: number; max?: number } | undefined) ?? {};
    const put = (key: string, n: number | undefined) =>
      set(field, { ...b, [key]: n === undefined ? undefined : kr ? n * 100 : n });
    const shown = (n: number | undefined) => (n === undefined ? undefined : kr ? n / 100 : n);
    return (
      <>
        {withDays && number('segments.days', b.days, (n) => put('days', n), 'days')}
        {number(
          kr ? 'segments.atLeastKr' : 'segments.atLeast',
          shown(b.min),
          (n) => put('min', n),
          'min',
        )}
        {number(
          kr ? 'segments.atMostKr' : 'segments.atMost',
          shown(b.max),
          (n) => put('max', n),
          'max',
        )}
      </>
    );
  };

  switch (criterion.kind) {
    case 'age':
      return (
        <div className="sg-fields">
          {number('segments.ageFrom', node.minAge, (n) => set('minAge', n), 'min')}
          {number('segments.ageTo', node.maxAge, (n) => set('maxAge', n), 'max')}
        </div>
      );
    case 'gender':
      return (
        <Checks
          legend={t('segments.kind.gender')}
          options={(['female', 'male', 'other'] as const).map((g) => ({
            value: g,
            label: t(`segments.${g}`),
          }))}
          chosen={list('genders')}
          onChange={(next) => set('genders', next)}
          disabled={disabled}
          testId={`${testId}-genders`}
        />
      );
    case 'postalRange': {
      const ranges =
        (node.postalCodeRanges as Array<{ from: string; to: string }> | undefined) ?? [];
      const put = (next: Array<{ from: string; to: string }>) => set('postalCodeRanges', next);
      return (
        <div className="sg-ranges">
          {ranges.map((r, i) => (
            <div className="sg-fields" key={i}>
              <TextField
                label={t('segments.from')}
                value={r.from}
                onChange={(from) =>
                  put(ranges.map((x, j) => (j === i ? { ...x, from: from.trim() } : x)))
                }
                inputMode="numeric"
                maxLength={4}
                disabled={disabled}
                testId={`${testId}-from-${i}`}
              />
              <TextField
                label={t('segments.to')}
                value={r.to}
                onChange={(to) =>
                  put(ranges.map((x, j) => (j === i ? { ...x, to: to.trim() } : x)))
                }
                inputMode="numeric"
                maxLength={4}
                disabled={disabled}
                testId={`${testId}-to-${i}`}
              />
              {ranges.length > 1 && !disabled && (
                <button
                  type="button"
                  className="btn btn-small sg-remove"
                  onClick={() => put(ranges.filter((_, j) => j !== i))}
                >
                  {t('segments.removeRange')}
                </button>
              )}
            </div>
          ))}
          {!disabled && (
            <button
              type="button"
              className="btn btn-small"
              onClick={() => put([...ranges, { from: '0001', to: '9999' }])}
            >
              + {t('segments.addRange')}
            </button>
          )}
        </div>
      );
    }
    case 'postalPrefix':
      return (
        <TextField
          label={t('segments.prefixes')}
          value={list('postalCodePrefixes').join(', ')}
          onChange={(typed) =>
            set(
              'postalCodePrefixes',
              typed
                .split(',')
                .map((p) => p.trim())
                .filter((p) => p !== ''),
            )
          }
          inputMode="numeric"
          disabled={disabled}
          testId={`${testId}-prefixes`}
        />
      );
    case 'tier':
      return choices.tiers.length === 0 ? (
        <p className="bo-hint">{t('segments.noTiers')}</p>
      ) : (
        <Checks
          legend={t('segments.kind.tier')}
          options={choices.tiers.map((tier) => ({
            value: tier.id,
            label: locale === 'sv' ? (tier.name.sv ?? tier.name.nb) : tier.name[locale],
          }))}
          chosen={list('tiers')}
          onChange={(next) => set('tiers', next)}
          disabled={disabled}
          testId={`${testId}-tiers`}
        />
      );
    case 'status':
      return (
        <Checks
          legend={t('segments.kind.status')}
          options={(['new', 'active', 'lapsing', 'lost'] as const).map((s) => ({
            value: s,
            label: t(`segments.status.${s}`),
          }))}
          chosen={list('statuses')}
          onChange={(next) => set('statuses', next)}
          disabled={disabled}
          testId={`${testId}-statuses`}
        />
      );
    case 'visits':
      return <div className="sg-fields">{bounds('visits', true)}</div>;
    case 'spend':
      return <div className="sg-fields">{bounds('spend', true, true)}</div>;
    case 'recency':
      return <div className="sg-fields">{bounds('daysSinceLastPurchase', false)}</div>;
    case 'categories':
      return choices.categories.length === 0 ? (
        <p className="bo-hint">{t('segments.noCategories')}</p>
      ) : (
        <Checks
          legend={t('segments.kind.categories')}
          options={choices.categories.map((c) => ({ value: c, label: c }))}
          chosen={list('categories')}
          onChange={(next) => set('categories', next)}
          disabled={disabled}
          testId={`${testId}-categories`}
        />
      );
    case 'homeStores':
      return (
        <Checks
          legend={t('segments.kind.homeStores')}
          options={choices.stores.map((s) => ({ value: s.storeId, label: s.name }))}
          chosen={list('homeStores')}
          onChange={(next) => set('homeStores', next)}
          disabled={disabled}
          testId={`${testId}-stores`}
        />
      );
    case 'memberIds':
      return (
        <p className="bo-hint">{t('segments.memberCount', { count: list('memberIds').length })}</p>
      );
    case 'consents':
      return (
        <Checks
          legend={t('segments.kind.consents')}
          options={(['sms', 'email'] as const).map((c) => ({
            value: c,
            label: t(`segments.${c}`),
          }))}
          chosen={list('consents')}
          onChange={(next) => set('consents', next)}
          disabled={disabled}
          testId={`${testId}-consents`}
        />
      );
  }
}

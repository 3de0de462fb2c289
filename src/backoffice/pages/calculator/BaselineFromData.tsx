/**
 * "Hent fra kjedens tall": the calculator's baseline from the members'
 * purchases of the last year (the cloud's `calculator.baseline`), for all the
 * stores the account reaches or one of them. The figures found are written
 * into the baseline's fields (the owner may change them after), and how each
 * was got is written out below the button: the sums divided, the cohort and
 * how many of it are lost. A figure the data cannot give says why, and its
 * field is left as it was.
 */
import { useState } from 'react';
import type {
  BaselineShortfall,
  BoCalculatorBaseline,
} from '../../../contract/backoffice/calculator';
import { percent } from '../../../core/i18n';
import type { Locale } from '../../../core/i18n';
import type { CalculatorField } from '../../../core/loyalty-calculator';
import { call, failureText } from '../../api';
import { Alert } from '../../components/Alert';
import { useBo } from '../../i18n';
import type { BoKey } from '../../i18n';
import { useSession } from '../../session';
import './from-data.css';

const INTL_TAG: Record<Locale, string> = { nb: 'nb-NO', en: 'en-GB', sv: 'sv-SE' };

/** A figure as the reader types it: "595,75" in bokmål and Swedish, "595.75" in English. */
export function typedFigure(value: number, locale: Locale): string {
  const plain = String(Math.round(value * 100) / 100);
  return locale === 'en' ? plain : plain.replace('.', ',');
}

/** A YYYY-MM-DD day as the reader writes dates ("7. des. 2025"). */
function calendarDay(day: string, locale: Locale): string {
  return new Intl.DateTimeFormat(INTL_TAG[locale], {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(Date.parse(`${day}T00:00:00Z`));
}

const dayBefore = (day: string) =>
  new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

export function BaselineFromData({
  onFigures,
}: {
  /** The fields to fill, with the figures as typed. */
  onFigures(figures: Partial<Record<CalculatorField, string>>): void;
}) {
  const { t, locale } = useBo();
  const { session } = useSession();
  const stores = session !== null && session !== 'checking' ? session.stores : [];
  const [storeId, setStoreId] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ReturnType<typeof failureText> | null>(null);
  const [baseline, setBaseline] = useState<BoCalculatorBaseline | null>(null);

  const fetchBaseline = async () => {
    setBusy(true);
    setProblem(null);
    try {
      const answer = await call('calculator.baseline', storeId ? { storeIds: [storeId] } : {});
      setBaseline(answer);
      const figures: Partial<Record<CalculatorField, string>> = {};
      if (answer.basket.ok) figures.basketKr = typedFigure(answer.basket.basketOre / 100, locale);
      if (answer.visits.ok)
        figures.visitsPerYear = typedFigure(answer.visits.visitsHundredths / 100, locale);
      if (answer.life.ok) figures.years = typedFigure(answer.life.monthsHundredths / 1200, locale);
      onFigures(figures);
    } catch (error) {
      setProblem(failureText(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="calc-from-data">
      <div className="calc-from-data-row">
        {stores.length > 1 && (
          <label className="field calc-from-data-stores">
            <span>{t('calculator.fromDataStores')}</span>
            <select
              className="input"
              value={storeId}
              onChange={(event) => setStoreId(event.target.value)}
              data-testid="calc-from-data-stores"
            >
              <option value="">{t('calculator.allStores')}</option>
              {stores.map((store) => (
                <option key={store.storeId} value={store.storeId}>
                  {store.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <button
          type="button"
          className="btn"
          onClick={() => void fetchBaseline()}
          disabled={busy}
          aria-busy={busy}
          data-testid="calc-from-data"
        >
          {busy ? t('calculator.fromDataBusy') : t('calculator.fromData')}
        </button>
      </div>
      <Alert kind="error" shown={problem} />
      {baseline && <Source baseline={baseline} />}
    </div>
  );
}

function Source({ baseline }: { baseline: BoCalculatorBaseline }) {
  const { t, locale } = useBo();
  const { session } = useSession();
  const day = (d: string) => calendarDay(d, locale);
  const storeNames =
    session !== null && session !== 'checking'
      ? baseline.storeIds.length === session.stores.length
        ? t('calculator.allStores')
        : session.stores
            .filter((s) => baseline.storeIds.includes(s.storeId))
            .map((s) => s.name)
            .join(', ')
      : '';
  if (baseline.basket.ok === false && baseline.basket.shortfall === 'noMembers')
    return (
      <p className="calc-source-short" data-testid="calc-source">
        {t('calculator.shortNoMembers')}
      </p>
    );
  const cohortDay = dayBefore(baseline.fromDay);
  const short = (what: BoKey, shortfall: BaselineShortfall, lifeCohort?: number) => {
    const named = t(what);
    switch (shortfall) {
      case 'noMembers':
        return t('calculator.shortNoMembers');
      case 'noPurchases':
        return t('calculator.shortNoPurchases', { what: named });
      case 'tooShort':
        return what === 'calculator.years'
          ? t('calculator.shortLife', {
              what: named,
              first: day(baseline.firstPurchaseDay ?? baseline.toDay),
              from: day(baseline.fromDay),
            })
          : t('calculator.shortVisits', {
              what: named,
              first: day(baseline.firstPurchaseDay ?? baseline.toDay),
            });
      case 'noCustomersThen':
        return t('calculator.shortNoCustomersThen', { what: named, day: day(cohortDay) });
      case 'noneLost':
        return t('calculator.shortNoneLost', {
          what: named,
          then: lifeCohort ?? 0,
          day: day(cohortDay),
        });
    }
  };
  const { basket, visits, life } = baseline;
  const allFound = basket.ok && visits.ok && life.ok;
  const anyFound = basket.ok || visits.ok || life.ok;
  return (
    <section className="calc-source" aria-labelledby="calc-source-title" data-testid="calc-source">
      <h3 id="calc-source-title">{t('calculator.sourceTitle')}</h3>
      <p data-testid="calc-source-period">
        {t('calculator.sourcePeriod', {
          from: day(baseline.fromDay),
          to: day(baseline.toDay),
          where: storeNames,
        })}
      </p>
      <ul>
        <li data-testid="calc-source-basket" className={basket.ok ? '' : 'calc-source-short'}>
          {basket.ok
            ? t('calculator.sourceBasket', {
                sales: basket.salesOre / 100,
                receipts: basket.receipts,
                basket: basket.basketOre / 100,
              })
            : short('calculator.basketKr', basket.shortfall)}
        </li>
        <li data-testid="calc-source-visits" className={visits.ok ? '' : 'calc-source-short'}>
          {visits.ok
            ? t('calculator.sourceVisits', {
                receipts: visits.receipts,
                buyers: visits.buyers,
                visits: visits.visitsHundredths / 100,
              })
            : short('calculator.visitsPerYear', visits.shortfall)}
        </li>
        <li data-testid="calc-source-life" className={life.ok ? '' : 'calc-source-short'}>
          {life.ok
            ? t('calculator.sourceLife', {
                then: life.customersThen,
                day: day(cohortDay),
                days: baseline.lostAfterDays,
                lost: life.lostSince,
                churn: percent(life.churnPerMille / 10),
                years: life.monthsHundredths / 1200,
              })
            : short(
                'calculator.years',
                life.shortfall,
                'customersThen' in life ? life.customersThen : 0,
              )}
        </li>
      </ul>
      {anyFound && <p className="bo-hint">{t('calculator.sourceFilled')}</p>}
      {!allFound && <p className="bo-hint">{t('calculator.sourceTypeRest')}</p>}
    </section>
  );
}

/** How many points the member spends on this basket: steps of about 10 kr, none, or the most allowed. */
import { useI18n } from '../i18n';

interface PointsPickerProps {
  balance: number;
  /** What one point is worth at the till. */
  pointValueOre: number;
  /** The basket amount points could still cover, before this redemption. */
  coverableOre: number;
  value: number;
  onChange(points: number): void;
}

const STEP_VALUE_ORE = 1_000;

export function PointsPicker({
  balance,
  pointValueOre,
  coverableOre,
  value,
  onChange,
}: PointsPickerProps) {
  const { t, money } = useI18n();
  if (pointValueOre <= 0 || balance <= 0) return null;
  const step = Math.max(1, Math.ceil(STEP_VALUE_ORE / pointValueOre));
  const max = Math.max(0, Math.min(balance, Math.floor(coverableOre / pointValueOre)));
  const set = (points: number) => onChange(Math.max(0, Math.min(max, points)));
  return (
    <div className="stack" data-testid="points-picker">
      <h2 className="section">{t('member.redeemPoints')}</h2>
      <div className="points-picker">
        <button
          type="button"
          className="btn"
          aria-label={t('member.redeemLess')}
          disabled={value <= 0}
          onClick={() => set(value - step)}
        >
          −
        </button>
        <output data-testid="points-to-redeem">
          {t('member.redeemValue', { points: value, value: money(value * pointValueOre) })}
        </output>
        <button
          type="button"
          className="btn"
          aria-label={t('member.redeemMore')}
          disabled={value >= max}
          onClick={() => set(value + step)}
        >
          +
        </button>
      </div>
      <div className="row">
        <button type="button" className="btn" disabled={value === 0} onClick={() => set(0)}>
          {t('member.redeemNone')}
        </button>
        <button
          type="button"
          className="btn"
          disabled={max === 0 || value === max}
          onClick={() => set(max)}
        >
          {t('member.redeemMax')}
        </button>
      </div>
    </div>
  );
}

/** How many points the member spends on this basket: steps of about 10 kr, none, or the most allowed. */
import { useEffect, useRef } from 'react';
import { useI18n } from '../i18n';
import './counter.css';

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
const KEEP_IN_VIEW_MS = 2_000;

export function PointsPicker({
  balance,
  pointValueOre,
  coverableOre,
  value,
  onChange,
}: PointsPickerProps) {
  const { t, money } = useI18n();
  const box = useRef<HTMLDivElement>(null);
  /** When the cashier last changed the points here (epoch ms). */
  const usedAt = useRef(0);
  // Spending points adds a line to the totals, which leaves the member panel less room
  // once the basket is priced again: the picker just used stays in view (scrolled within
  // the panel, under the name), for the moments that takes.
  useEffect(() => {
    const scroller = box.current?.closest('.member-body');
    if (!scroller) return;
    const observer = new ResizeObserver(() => {
      if (Date.now() - usedAt.current < KEEP_IN_VIEW_MS)
        box.current?.scrollIntoView({ block: 'nearest' });
    });
    observer.observe(scroller);
    return () => observer.disconnect();
  }, [balance, pointValueOre]);
  if (pointValueOre <= 0 || balance <= 0) return null;
  const step = Math.max(1, Math.ceil(STEP_VALUE_ORE / pointValueOre));
  const max = Math.max(0, Math.min(balance, Math.floor(coverableOre / pointValueOre)));
  const set = (points: number) => {
    usedAt.current = Date.now();
    onChange(Math.max(0, Math.min(max, points)));
  };
  // Compact, two rows (what is spent, then four buttons), so it fits under the member's
  // name and the offers on a 768 px high till without hiding either (counter.css).
  return (
    <div ref={box} className="stack points-spend" data-testid="points-picker">
      <div className="points-spend-head">
        <h2 className="section">{t('member.redeemPoints')}</h2>
        <output data-testid="points-to-redeem">
          {t('member.redeemValue', { points: value, value: money(value * pointValueOre) })}
        </output>
      </div>
      <div className="points-spend-keys">
        <button
          type="button"
          className="btn"
          aria-label={t('member.redeemLess')}
          disabled={value <= 0}
          onClick={() => set(value - step)}
        >
          −
        </button>
        <button
          type="button"
          className="btn"
          aria-label={t('member.redeemMore')}
          disabled={value >= max}
          onClick={() => set(value + step)}
        >
          +
        </button>
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

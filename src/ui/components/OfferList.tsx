/** Usable coupons and punch-card rewards, each applied or removed with one tap. */
import type { MemberDetail } from '../../service/commands';
import type { BasketSelections } from '../../core/basket-types';
import { useI18n } from '../i18n';

interface OfferListProps {
  member: MemberDetail;
  selections: BasketSelections;
  onToggleCoupon(couponId: string): void;
  onToggleReward(rewardId: string): void;
}

export function OfferList({ member, selections, onToggleCoupon, onToggleReward }: OfferListProps) {
  const { t, pick, date } = useI18n();
  const rewards = member.punchCards.flatMap((card) =>
    card.rewardsAvailable.map((reward) => ({ card, reward })),
  );
  if (member.coupons.length === 0 && rewards.length === 0) return null;
  return (
    <div className="stack" data-testid="offers">
      <h2 className="section">{t('member.coupons')}</h2>
      {rewards.map(({ card, reward }) => {
        const on = selections.rewardIds.includes(reward.rewardId);
        return (
          <div key={reward.rewardId} className="offer" data-testid="reward">
            <div className="offer-text">
              <strong>{pick(reward.reason)}</strong>
              <small>
                {t('member.rewardReady')} · {pick(card.name)}
              </small>
            </div>
            <button
              type="button"
              className="btn"
              aria-pressed={on}
              onClick={() => onToggleReward(reward.rewardId)}
            >
              {on ? t('member.inUse') : t('member.use')}
            </button>
          </div>
        );
      })}
      {member.coupons.map((coupon) => {
        const on = selections.couponIds.includes(coupon.couponId);
        return (
          <div
            key={coupon.couponId}
            className="offer"
            data-testid="coupon"
            data-source={coupon.source}
          >
            <div className="offer-text">
              <strong>{pick(coupon.template.name)}</strong>
              <small>{t('member.validTo', { date: date(coupon.validTo) })}</small>
            </div>
            <button
              type="button"
              className="btn"
              aria-pressed={on}
              onClick={() => onToggleCoupon(coupon.couponId)}
            >
              {on ? t('member.inUse') : t('member.use')}
            </button>
          </div>
        );
      })}
    </div>
  );
}

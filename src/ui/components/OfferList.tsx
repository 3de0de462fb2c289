/** Usable coupons and punch-card rewards, each applied or removed with one tap. */
import type { ReactNode } from 'react';
import type { MemberDetail } from '../../contract/commands';
import type { BasketSelections } from '../../core/basket-types';
import { useI18n } from '../i18n';

interface OfferListProps {
  member: MemberDetail;
  selections: BasketSelections;
  onToggleCoupon(couponId: string): void;
  onToggleReward(rewardId: string): void;
}

export function OfferList({ member, selections, onToggleCoupon, onToggleReward }: OfferListProps) {
  const { t, say, date } = useI18n();
  const rewards = member.punchCards.flatMap((card) =>
    card.rewardsAvailable.map((reward) => ({ card, reward })),
  );
  if (member.coupons.length === 0 && rewards.length === 0) return null;
  return (
    <div className="stack" data-testid="offers">
      <h2 className="section">{t('member.coupons')}</h2>
      {rewards.map(({ card, reward }) => (
        <Offer
          key={reward.rewardId}
          testId="reward"
          title={say(reward.reason)}
          detail={
            <>
              {t('member.rewardReady')} · {say(card.name)}
            </>
          }
          on={selections.rewardIds.includes(reward.rewardId)}
          onToggle={() => onToggleReward(reward.rewardId)}
        />
      ))}
      {member.coupons.map((coupon) => (
        <Offer
          key={coupon.couponId}
          testId="coupon"
          source={coupon.source}
          title={say(coupon.template.name)}
          detail={t('member.validTo', { date: date(coupon.validTo) })}
          on={selections.couponIds.includes(coupon.couponId)}
          onToggle={() => onToggleCoupon(coupon.couponId)}
        />
      ))}
    </div>
  );
}

/** One offer: what it is, and the button that puts it on the basket or takes it off. */
function Offer({
  testId,
  source,
  title,
  detail,
  on,
  onToggle,
}: {
  testId: string;
  /** Where a coupon came from (data-source, for the tests). */
  source?: string;
  title: string;
  detail: ReactNode;
  on: boolean;
  onToggle(): void;
}) {
  const { t } = useI18n();
  return (
    <div className="offer" data-testid={testId} data-source={source}>
      <div className="offer-text">
        <strong>{title}</strong>
        <small>{detail}</small>
      </div>
      <button type="button" className="btn" aria-pressed={on} onClick={onToggle}>
        {on ? t('member.inUse') : t('member.use')}
      </button>
    </div>
  );
}

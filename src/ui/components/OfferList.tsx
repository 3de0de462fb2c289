/**
 * Usable coupons and punch-card rewards, each applied or removed with one tap or
 * one key (Alt and its number). What the member should not miss comes first and
 * stands out: a ready punch-card reward (a free coffee), then a coupon that runs
 * out within a week, then the rest. Digits choose at the counter: an offer with Alt
 * (Alt+1…9, by its place here), a payment method with Ctrl (PaymentPicker, Ctrl+1…4);
 * plain digits are the scan field's (a PLU, a quantity, a barcode).
 */
import { useEffect, useRef } from 'react';
import type { ReactNode } from 'react';
import type { MemberDetail } from '../../contract/commands';
import type { BasketSelections } from '../../core/basket-types';
import { useI18n } from '../i18n';

/** A coupon running out within this many days is offered among the first. */
const SOON_DAYS = 7;
const DAY_MS = 86_400_000;

interface OfferListProps {
  member: MemberDetail;
  selections: BasketSelections;
  /** The clock, for "runs out soon" (epoch ms). */
  now: number;
  onToggleCoupon(couponId: string): void;
  onToggleReward(rewardId: string): void;
  /** Rewards the till put on the basket by itself ("use rewards automatically"): shown so, with Angre. */
  autoApplied?: readonly string[];
}

interface ShownOffer {
  key: string;
  testId: 'reward' | 'coupon';
  source?: string;
  title: string;
  detail: ReactNode;
  /** Ready or running out soon: offered first, and shown so. */
  prominent: boolean;
  on: boolean;
  /** Put on the basket by the till itself: its button undoes it. */
  auto: boolean;
  toggle(): void;
}

export function OfferList({
  member,
  selections,
  now,
  onToggleCoupon,
  onToggleReward,
  autoApplied = [],
}: OfferListProps) {
  const { t, say, date } = useI18n();
  const rewards: ShownOffer[] = member.punchCards.flatMap((card) =>
    card.rewardsAvailable.map((reward) => ({
      key: reward.rewardId,
      testId: 'reward' as const,
      title: say(reward.reason),
      detail: autoApplied.includes(reward.rewardId) ? (
        <>
          {t('counter.autoApplied')} · {say(card.name)}
        </>
      ) : (
        <>
          {t('member.rewardReady')} · {say(card.name)}
        </>
      ),
      prominent: true,
      on: selections.rewardIds.includes(reward.rewardId),
      auto: autoApplied.includes(reward.rewardId),
      toggle: () => onToggleReward(reward.rewardId),
    })),
  );
  const coupons: ShownOffer[] = member.coupons
    .map((coupon) => {
      const days = Math.ceil((coupon.validTo - now) / DAY_MS);
      const soon = days <= SOON_DAYS;
      return {
        key: coupon.couponId,
        testId: 'coupon' as const,
        source: coupon.source,
        title: say(coupon.template.name),
        detail: soon
          ? t('member.runsOut', { days: Math.max(0, days), date: date(coupon.validTo) })
          : t('member.validTo', { date: date(coupon.validTo) }),
        prominent: soon,
        on: selections.couponIds.includes(coupon.couponId),
        auto: false,
        toggle: () => onToggleCoupon(coupon.couponId),
        validTo: coupon.validTo,
      };
    })
    // Running out soon first, soonest first; the rest as the member got them.
    .sort(
      (a, b) =>
        Number(b.prominent) - Number(a.prominent) || (a.prominent ? a.validTo - b.validTo : 0),
    );
  const offers = [...rewards, ...coupons];

  // Alt and the offer's number (1–9) puts it on the basket or takes it off: one key.
  const latest = useRef(offers);
  useEffect(() => {
    latest.current = offers;
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey || event.repeat) return;
      const digit = /^Digit([1-9])$/.exec(event.code)?.[1];
      if (digit === undefined) return;
      // Not under an open dialog: the key belongs to it then.
      if (document.querySelector('[role="dialog"]')) return;
      const offer = latest.current[Number(digit) - 1];
      if (!offer) return;
      event.preventDefault();
      offer.toggle();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  if (offers.length === 0) return null;
  return (
    <div className="stack" data-testid="offers">
      <h2 className="section">{t('member.coupons')}</h2>
      {offers.map((offer, i) => (
        <Offer key={offer.key} offer={offer} number={i < 9 ? i + 1 : null} />
      ))}
    </div>
  );
}

/** One offer: what it is, and the button that puts it on the basket or takes it off. */
function Offer({ offer, number }: { offer: ShownOffer; number: number | null }) {
  const { t } = useI18n();
  return (
    <div
      className={offer.prominent ? 'offer offer-prominent' : 'offer'}
      data-testid={offer.testId}
      data-source={offer.source}
      data-prominent={offer.prominent}
      data-auto={offer.auto || undefined}
    >
      <div className="offer-text">
        <strong>{offer.title}</strong>
        <small>{offer.detail}</small>
      </div>
      <button
        type="button"
        className={offer.prominent && !offer.on ? 'btn btn-primary' : 'btn'}
        aria-pressed={offer.on}
        aria-keyshortcuts={number === null ? undefined : `Alt+${number}`}
        aria-label={offer.auto ? t('counter.undoLabel', { name: offer.title }) : undefined}
        onClick={offer.toggle}
      >
        {offer.auto ? t('counter.undo') : offer.on ? t('member.inUse') : t('member.use')}
        {number !== null && <span className="kbd">Alt+{number}</span>}
      </button>
    </div>
  );
}

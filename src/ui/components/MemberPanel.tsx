/**
 * The member at the till: first name, points and cashback, coupons and rewards
 * to use in one tap (a ready reward first), what the sale earns, tier and
 * progress, punch cards as stamps, points to spend, and the verification prompt
 * when the basket needs it.
 */
import type { Programme } from '../../core/programme';
import type { Evaluation } from '../../core/basket-types';
import type { ReactNode } from 'react';
import type { MemberDetail } from '../../contract/commands';
import type { BasketAction, AttachedMember } from '../hooks/useBasket';
import type { BasketSelections } from '../../core/basket-types';
import { useAutoRewards } from '../hooks/useAutoRewards';
import { useNow } from '../hooks/useSync';
import { useI18n } from '../i18n';
import { OfferList } from './OfferList';
import { PointsPicker } from './PointsPicker';
import { PunchCardStamps } from './PunchCardStamps';
import { TierProgress } from './TierProgress';
import { VerifyPrompt } from './VerifyPrompt';
import './counter.css';

interface MemberPanelProps {
  member: AttachedMember;
  /** The member typed their PIN (asks the service for a verification). */
  onPin(pin: string): void;
  /** Opens member care (history, profile, consent, PIN, points, data). */
  onCare(): void;
  selections: BasketSelections;
  evaluation: Evaluation | null;
  programme: Programme | null;
  dispatch(action: BasketAction): void;
}

/** The amount points could cover: what is left to pay plus what points already cover. */
function coverableByPoints(evaluation: Evaluation | null): number {
  if (!evaluation) return 0;
  const byPoints = evaluation.benefits
    .filter((b) => b.kind === 'points_redemption')
    .reduce((sum, b) => sum + b.amountOre, 0);
  return evaluation.totalOre + byPoints;
}

export function MemberPanel({
  member,
  onPin,
  onCare,
  selections,
  evaluation,
  programme,
  dispatch,
}: MemberPanelProps) {
  const { t, say } = useI18n();
  const { glance, detail } = member;
  const name = glance.firstName ?? t('member.unnamed');
  const verify = evaluation?.needsVerification ? (
    <VerifyPrompt rejected={member.pinRejected} onPin={onPin} />
  ) : null;

  return (
    <section
      className="panel member-panel"
      aria-label={t('member.panel')}
      aria-busy={detail === null}
      data-testid="member-panel"
    >
      <div className="member-head">
        <div className="member-who">
          <p className="member-name" data-testid="member-name">
            {name}
          </p>
          <div className="member-sub">{t('member.number', { number: glance.memberNumber })}</div>
          {/* An expired verification is no longer shown as one: the prompt asks again. */}
          {member.verification !== null && !evaluation?.needsVerification && (
            <span className="verified">{t('member.verified')} ✓</span>
          )}
        </div>
        <div className="member-actions">
          <button
            type="button"
            className="btn btn-small"
            data-testid="member-care-open"
            disabled={detail === null}
            onClick={onCare}
          >
            {t('care.open')} <span className="kbd">F10</span>
          </button>
          <button
            type="button"
            className="btn btn-small"
            onClick={() => dispatch({ type: 'detach' })}
          >
            {t('member.remove')}
          </button>
        </div>
      </div>

      {/* Only what is under the head scrolls: the name stays in view (counter.css). */}
      <div className="member-body" data-testid="member-body">
        {detail ? (
          <MemberDetails
            detail={detail}
            selections={selections}
            evaluation={evaluation}
            programme={programme}
            dispatch={dispatch}
            verify={verify}
          />
        ) : (
          <>
            {glance.tierName && (
              <div data-testid="tier">
                <span className="tier-badge">{say(glance.tierName)}</span>
              </div>
            )}
            <div className="member-facts">
              <span data-testid="points-balance">
                {t('member.points')}: <strong>{glance.pointsBalance}</strong>
              </span>
            </div>
            <p className="member-sub" role="status" data-testid="member-loading">
              {t('member.loading')}
            </p>
            {verify}
          </>
        )}
      </div>
    </section>
  );
}

/** Everything past the name, once the full view is here. */
function MemberDetails({
  detail,
  selections,
  evaluation,
  programme,
  dispatch,
  verify,
}: Omit<MemberPanelProps, 'member' | 'onPin' | 'onCare'> & {
  detail: MemberDetail;
  verify: ReactNode;
}) {
  const { t, money, say } = useI18n();
  const now = useNow();
  const tierOnce =
    detail.tier?.benefit.kind === 'percent_once_per_period' ? detail.tier.benefit : null;
  const pointValueOre = programme?.points?.redeemValueOre ?? 0;
  const rewards = useAutoRewards({ detail, selections, evaluation, programme, dispatch });

  const cashbackInUse = programme?.cashback?.enabled === true || detail.cashbackOre !== 0;

  return (
    <>
      <div className="member-facts">
        <span data-testid="points-balance">
          {t('member.points')}: <strong>{detail.points.balance}</strong>
          {pointValueOre > 0
            ? ` (${t('member.pointsValue', { value: money(detail.points.valueOre) })})`
            : ''}
          {detail.points.pending > 0
            ? ` · ${t('member.pointsPending', { points: detail.points.pending })}`
            : ''}
        </span>
        {cashbackInUse && (
          <span data-testid="cashback-balance">
            {t('member.cashback')}: <strong>{money(detail.cashbackOre)}</strong>
          </span>
        )}
      </div>

      {verify}

      {/* What the member should not miss, right under their name and points. */}
      <OfferList
        member={detail}
        selections={selections}
        now={now}
        onToggleCoupon={(couponId) => dispatch({ type: 'toggleCoupon', couponId })}
        onToggleReward={rewards.toggle}
        autoApplied={rewards.applied}
      />

      {evaluation && evaluation.earnedSummary.length > 0 && (
        <div className="earns" data-testid="earns">
          {t('checkout.earns')}:
          <ul>
            {evaluation.earnedSummary.map((line, i) => (
              <li key={i}>{say(line)}</li>
            ))}
          </ul>
        </div>
      )}

      {detail.tier && <TierProgress tier={detail.tier} />}

      {detail.punchCards.length > 0 && (
        <div className="stack">
          <h2 className="section">{t('member.punchCards')}</h2>
          {detail.punchCards.map((card) => (
            <PunchCardStamps key={card.cardId} card={card} />
          ))}
        </div>
      )}

      {tierOnce && detail.tier?.oncePerPeriodAvailable && (
        <button
          type="button"
          className="btn"
          aria-pressed={selections.useTierOnce}
          onClick={() => dispatch({ type: 'setTierOnce', on: !selections.useTierOnce })}
        >
          {t('member.useTierOnce', { percent: tierOnce.percent })}
        </button>
      )}

      {detail.cashbackOre > 0 && (
        <button
          type="button"
          className="btn"
          aria-pressed={selections.cashbackToRedeemOre > 0}
          onClick={() =>
            dispatch({
              type: 'setCashback',
              ore:
                selections.cashbackToRedeemOre > 0
                  ? 0
                  : Math.min(detail.cashbackOre, evaluation?.totalOre ?? 0),
            })
          }
        >
          {t('member.useCashback', { value: money(detail.cashbackOre) })}
        </button>
      )}

      <PointsPicker
        balance={detail.points.balance}
        pointValueOre={pointValueOre}
        coverableOre={coverableByPoints(evaluation)}
        value={selections.pointsToRedeem}
        onChange={(points) => dispatch({ type: 'setPoints', points })}
      />

      {detail.flags.length > 0 && (
        <div className="notice notice-warn" role="status" data-testid="member-flags">
          {detail.flags
            .map((flag) => t('member.flagged', { what: t(`flag.${flag.kind}`) }))
            .join(' · ')}
        </div>
      )}
    </>
  );
}

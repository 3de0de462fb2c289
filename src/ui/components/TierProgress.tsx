/** The member's level on the bonusstige and how far to the next ("120 poeng til Gull"). */
import type { TierView } from '../../core/member-types';
import { useI18n } from '../i18n';

export function TierProgress({ tier }: { tier: TierView }) {
  const { t, say } = useI18n();
  const next = tier.next;
  const done = tier.qualifyingPoints;
  const share = next ? done / Math.max(1, done + next.pointsNeeded) : 1;
  return (
    <div data-testid="tier">
      <span className="tier-badge">{say(tier.name)}</span>
      <div
        className="progress"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(share * 100)}
        aria-label={
          next
            ? t('member.toNext', { points: next.pointsNeeded, tier: say(next.name) })
            : t('member.topTier')
        }
      >
        <div style={{ width: `${Math.round(share * 100)}%` }} />
      </div>
      <div className="member-sub" data-testid="tier-next">
        {next
          ? t('member.toNext', { points: next.pointsNeeded, tier: say(next.name) })
          : t('member.topTier')}
      </div>
    </div>
  );
}

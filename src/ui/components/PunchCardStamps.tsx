/** A klippekort drawn as stamps: filled and empty circles, and "7/10". */
import type { PunchCardView } from '../../core/member-types';
import { useI18n } from '../i18n';

export function PunchCardStamps({ card }: { card: PunchCardView }) {
  const { t, say } = useI18n();
  return (
    <div className="punch-card" data-testid={`punch-card-${card.cardId}`}>
      <div className="punch-card-head">
        <span>{say(card.name)}</span>
        <span data-testid="stamp-count">
          {t('member.stampsOf', { stamps: card.stamps, of: card.of })}
        </span>
      </div>
      <div
        className="stamps"
        role="img"
        aria-label={t('member.stampsLabel', { stamps: card.stamps, of: card.of })}
      >
        {Array.from({ length: card.of }, (_, i) => (
          <span key={i} className={i < card.stamps ? 'stamp stamp-filled' : 'stamp'} />
        ))}
      </div>
    </div>
  );
}

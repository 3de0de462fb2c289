/**
 * After "Fullfør salg": what was paid and saved, what the member earned,
 * "Skriv ut kopi" when the till has a printer, and "Ny kunde".
 */
import type { MemberDetail, SaleRecord } from '../../contract/commands';
import { Dialog } from '../components/Dialog';
import { PunchCardStamps } from '../components/PunchCardStamps';
import { ReprintButton } from '../components/ReprintButton';
import { useI18n } from '../i18n';

interface SaleCompleteDialogProps {
  sale: SaleRecord;
  /** The member as they stand after the sale (null for a sale without member). */
  member: MemberDetail | null;
  /** A receipt printer is set up (a copy can be printed). */
  printer: boolean;
  onNext(): void;
}

export function SaleCompleteDialog({ sale, member, printer, onNext }: SaleCompleteDialogProps) {
  const { t, money, say } = useI18n();
  const { evaluation } = sale;
  const effects = evaluation.effects;
  const stampedCards = new Set(effects?.stamps.map((s) => s.cardId) ?? []);
  const rewardsNow = member?.punchCards.flatMap((card) => card.rewardsAvailable) ?? [];

  return (
    <Dialog title={t('done.title')} onClose={onNext} testId="sale-complete">
      <p className="done-total" data-testid="done-total">
        {money(evaluation.totalOre)}
      </p>
      <button
        type="button"
        className="btn btn-primary btn-big"
        data-autofocus
        data-testid="next-customer"
        onClick={onNext}
      >
        {t('done.next')} <span className="kbd">Enter</span>
      </button>
      <div className="done-layout">
        <dl className="summary">
          <dt>{t('done.receipt')}</dt>
          <dd data-testid="done-receipt">{sale.receiptNo}</dd>
          <dt>{t('done.method')}</dt>
          <dd>{t(`pay.${sale.paymentMethod}`)}</dd>
          {evaluation.discountOre > 0 && (
            <>
              <dt>{t('done.saved')}</dt>
              <dd data-testid="done-saved">{money(evaluation.discountOre)}</dd>
            </>
          )}
          {effects && (
            <>
              <dt>{t('done.pointsEarned')}</dt>
              <dd data-testid="done-points">{effects.pointsEarned}</dd>
            </>
          )}
          {member && (
            <>
              <dt>{t('done.pointsBalance')}</dt>
              <dd data-testid="done-balance">{member.points.balance}</dd>
            </>
          )}
        </dl>
        <div className="stack">
          {printer && <ReprintButton saleId={sale.saleId} />}
          {member &&
            member.punchCards
              .filter((card) => stampedCards.has(card.cardId))
              .map((card) => <PunchCardStamps key={card.cardId} card={card} />)}
          {rewardsNow.length > 0 && (
            <div className="notice notice-info" data-testid="done-rewards">
              <span>
                {t('done.rewardsNow')}: {rewardsNow.map((r) => say(r.reason)).join(', ')}
              </span>
            </div>
          )}
        </div>
      </div>
    </Dialog>
  );
}

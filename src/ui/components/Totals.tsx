/** What the customer pays and why: every benefit with its reason, anything refused, and the VAT. */
import type { Evaluation } from '../../core/basket-types';
import { useI18n } from '../i18n';

export function Totals({ evaluation }: { evaluation: Evaluation | null }) {
  const { t, money, say } = useI18n();
  const total = evaluation?.totalOre ?? 0;
  return (
    <section className="panel totals" aria-label={t('checkout.total')}>
      <dl>
        <dt>{t('checkout.subtotal')}</dt>
        <dd>{money(evaluation?.listOre ?? 0)}</dd>
        {evaluation?.benefits.map((benefit) => (
          <div key={benefit.id} className="benefit" data-testid="benefit">
            <dt>{say(benefit.reason)}</dt>
            <dd>−{money(benefit.amountOre)}</dd>
          </div>
        ))}
      </dl>
      <div className="grand-total">
        <span>{t('checkout.total')}</span>
        <output data-testid="total">{money(total)}</output>
      </div>
      {evaluation && evaluation.rejected.length > 0 && (
        <div className="rejected notice notice-warn" role="status" data-testid="rejected">
          <div>
            {t('checkout.rejected')}:
            <ul>
              {evaluation.rejected.map((r) => (
                <li key={r.ref + r.code}>{say(r.reason)}</li>
              ))}
            </ul>
          </div>
        </div>
      )}
      {evaluation && evaluation.vat.length > 0 && (
        <div className="vat">
          {evaluation.vat.map((row) => (
            <div key={row.rate}>
              {t('checkout.vat', { rate: row.rate })}: {money(row.vatOre)}
            </div>
          ))}
        </div>
      )}
    </section>
  );
}

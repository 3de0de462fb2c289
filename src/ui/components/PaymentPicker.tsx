/** How the customer paid. The till records it; it does not take the payment. */
import type { PaymentMethod } from '../../core/events';
import { useI18n } from '../i18n';

const METHODS: PaymentMethod[] = ['card', 'cash', 'vipps', 'other'];

export function PaymentPicker({
  value,
  onChange,
}: {
  value: PaymentMethod;
  onChange(method: PaymentMethod): void;
}) {
  const { t } = useI18n();
  return (
    <div className="payment" role="group" aria-label={t('checkout.payment')}>
      {METHODS.map((method) => (
        <button
          key={method}
          type="button"
          className="btn"
          aria-pressed={value === method}
          data-testid={`pay-${method}`}
          onClick={() => onChange(method)}
        >
          {t(`pay.${method}`)}
        </button>
      ))}
    </div>
  );
}

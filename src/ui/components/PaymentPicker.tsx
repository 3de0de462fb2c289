/** How the customer paid. The till records it; it does not take the payment. */
import { useEffect, useRef } from 'react';
import type { PaymentMethod } from '../../core/events';
import { useI18n } from '../i18n';
import './counter.css';

const METHODS: PaymentMethod[] = ['card', 'cash', 'vipps', 'other'];

/**
 * Each method's key: Ctrl and its number (Ctrl+1 Kort … Ctrl+4 Annet), shown on its
 * button. Digits choose at the counter, the offers with Alt (OfferList: Alt+1…9) and
 * the payment with Ctrl, and never while typing: the scan field takes plain digits (a
 * PLU, a quantity "6*", a barcode) and the Kundeklubb field a phone number, and Ctrl
 * alone types nothing. Ctrl with Alt (AltGr on a Nordic keyboard types @, £, $ …) is
 * left to typing. The browser's own Ctrl+digit (tab switching) is not reserved, so
 * the till's handler wins; the desktop shell has no tabs.
 */
export function paymentKey(method: PaymentMethod): string {
  return `Ctrl+${METHODS.indexOf(method) + 1}`;
}

export function PaymentPicker({
  value,
  onChange,
}: {
  value: PaymentMethod;
  onChange(method: PaymentMethod): void;
}) {
  const { t } = useI18n();
  const latest = useRef(onChange);
  useEffect(() => {
    latest.current = onChange;
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!event.ctrlKey || event.altKey || event.metaKey || event.shiftKey || event.repeat) return;
      const digit = /^(?:Digit|Numpad)([1-9])$/.exec(event.code)?.[1];
      const method = digit === undefined ? undefined : METHODS[Number(digit) - 1];
      if (method === undefined) return;
      // Not under an open dialog: the keys belong to it then.
      if (document.querySelector('[role="dialog"]')) return;
      event.preventDefault();
      latest.current(method);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <div className="payment" role="group" aria-label={t('checkout.payment')}>
      {METHODS.map((method) => (
        <button
          key={method}
          type="button"
          className="btn"
          aria-pressed={value === method}
          aria-keyshortcuts={paymentKey(method).replace('Ctrl', 'Control')}
          data-key={paymentKey(method)}
          data-testid={`pay-${method}`}
          onClick={() => onChange(method)}
        >
          {t(`pay.${method}`)}
        </button>
      ))}
    </div>
  );
}

/** Asked when a redemption for a member found by phone alone needs a card scan or the member's PIN. */
import { useState } from 'react';
import type { Shown } from '../../core/i18n';
import { useI18n } from '../i18n';

/** `rejected`: the service's reason for refusing the last PIN (wrong, or the member has none). */
export function VerifyPrompt({
  onPin,
  rejected,
}: {
  onPin(pin: string): void;
  rejected: Shown | null;
}) {
  const { t, say } = useI18n();
  const [pin, setPin] = useState('');
  return (
    <form
      noValidate
      className="verify"
      data-testid="verify-prompt"
      onSubmit={(event) => {
        event.preventDefault();
        if (/^\d{4,8}$/.test(pin)) onPin(pin);
        setPin('');
      }}
    >
      <strong>{t('member.verifyTitle')}</strong>
      <span>{t('member.verifyText')}</span>
      {rejected && (
        <strong role="alert" className="field-error" data-testid="pin-rejected">
          {say(rejected)}
        </strong>
      )}
      <div className="row">
        <input
          className="input input-pin"
          type="password"
          inputMode="numeric"
          autoComplete="off"
          aria-label={t('member.verifyPin')}
          placeholder={t('member.verifyPin')}
          value={pin}
          onChange={(event) => setPin(event.target.value.replace(/\D/g, '').slice(0, 8))}
        />
        <button type="submit" className="btn btn-primary">
          {t('member.verifySubmit')}
        </button>
      </div>
    </form>
  );
}

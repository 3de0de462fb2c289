/** A big on-screen number pad for PINs and phone numbers (touch), beside a real input (keyboard). */
import { useI18n } from '../i18n';

interface KeypadProps {
  onDigit(digit: string): void;
  onBackspace(): void;
  onClear(): void;
  disabled?: boolean;
}

const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];

export function Keypad({ onDigit, onBackspace, onClear, disabled = false }: KeypadProps) {
  const { t } = useI18n();
  // tabIndex -1: keyboard users type into the field; the pad is for fingers.
  const key = (digit: string) => (
    <button
      key={digit}
      type="button"
      className="btn"
      tabIndex={-1}
      disabled={disabled}
      aria-label={t('keypad.digit', { digit })}
      onClick={() => onDigit(digit)}
    >
      {digit}
    </button>
  );
  return (
    <div className="keypad" role="group">
      {DIGITS.map(key)}
      <button type="button" className="btn" tabIndex={-1} disabled={disabled} onClick={onClear}>
        {t('keypad.clear')}
      </button>
      {key('0')}
      <button
        type="button"
        className="btn"
        tabIndex={-1}
        disabled={disabled}
        aria-label={t('keypad.backspace')}
        onClick={onBackspace}
      >
        ⌫
      </button>
    </div>
  );
}

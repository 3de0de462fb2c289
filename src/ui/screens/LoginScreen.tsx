/**
 * PIN log-in for cashier and manager: on-screen keypad or the keyboard, Enter to
 * log in. Choosing one's name first is optional: the PIN is then checked against
 * that staff member alone, and wrong PINs lock only their name (and, after many,
 * this till's log-ins by name), so a colleague fumbling theirs locks no one else.
 * A scanner's burst here (a member card, an item) is never taken for a PIN: it is
 * refused with a line saying to log in first, and counts as no wrong PIN.
 */
import { useEffect, useRef, useState } from 'react';
import { msg } from '../../core/i18n';
import type { Shown } from '../../core/i18n';
import type { StaffSummary } from '../../contract/commands';
import { api } from '../api';
import { saveDeviceToken, savedDeviceToken } from '../device-token';
import { Keypad } from '../components/Keypad';
import { useHidScanner } from '../devices/hid-wedge';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { errorText } from '../errors';
import { NoticesOutlet } from '../hooks/useNotices';
import { useI18n } from '../i18n';

const MAX_PIN = 8;

export function LoginScreen({
  storeName,
  note = null,
  onLogin,
}: {
  storeName: string | null;
  /** A line the card shows above the PIN (e.g. a till that joined a chain: whose PIN to use). */
  note?: Shown | null;
  onLogin(staff: StaffSummary): void;
}) {
  const { t, say } = useI18n();
  const [staff, setStaff] = useState<Array<Pick<StaffSummary, 'staffId' | 'name'>>>([]);
  const [chosen, setChosen] = useState<string | null>(null);
  const [pin, setPin] = useState('');
  const [error, setError] = useState<Shown | null>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    let live = true;
    api
      .call('staff.names', {})
      // Without the names (an older till service), the PIN alone still logs in.
      .then((names) => live && setStaff(names))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  const chosenName = staff.find((s) => s.staffId === chosen)?.name ?? null;

  // Caught before the PIN field sees the keys: five scans must not lock log-in.
  useHidScanner(() => {
    setPin('');
    setError(msg('ui.login.scanFirst'));
    input.current?.focus();
  });

  const choose = (staffId: string) => {
    setChosen((current) => (current === staffId ? null : staffId));
    setError(null);
    input.current?.focus();
  };

  const change = (next: string) => {
    setPin(next.replace(/\D/g, '').slice(0, MAX_PIN));
    setError(null);
    input.current?.focus();
  };

  const submit = async () => {
    if (busy || pin.length === 0) return;
    setBusy(true);
    try {
      const deviceToken = savedDeviceToken();
      const login = await api.call('session.login', {
        pin,
        ...(deviceToken === null ? {} : { deviceToken }),
        ...(chosenName === null ? {} : { staffId: chosen! }),
      });
      saveDeviceToken(login.deviceToken);
      onLogin({ staffId: login.staffId, name: login.name, role: login.role });
    } catch (failure) {
      setError(errorText(failure));
      setPin('');
      input.current?.focus();
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="login">
      <form
        noValidate
        className="login-card"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <div className="login-head">
          <h1>{t('app.name')}</h1>
          <LanguageSwitch />
        </div>
        {storeName && <div className="member-sub">{storeName}</div>}
        {note && (
          <div className="notice notice-info" role="status" data-testid="login-note">
            {say(note)}
          </div>
        )}
        {staff.length > 0 && (
          <div className="staff-names" role="group" aria-labelledby="staff-names-label">
            <span id="staff-names-label">{t('login.chooseName')}</span>
            <div className="staff-name-buttons">
              {staff.map((member) => (
                <button
                  key={member.staffId}
                  type="button"
                  className="btn staff-name"
                  aria-pressed={member.staffId === chosen}
                  data-testid={`staff-name-${member.staffId}`}
                  disabled={busy}
                  onClick={() => choose(member.staffId)}
                >
                  {member.name}
                </button>
              ))}
            </div>
          </div>
        )}
        <label className="field">
          <span>
            {chosenName === null ? t('login.prompt') : t('login.promptFor', { name: chosenName })}
          </span>
          <input
            ref={input}
            className="input input-big pin-input"
            type="password"
            inputMode="numeric"
            autoComplete="off"
            autoFocus
            aria-label={t('login.pinLabel')}
            data-testid="pin-input"
            value={pin}
            onChange={(event) => change(event.target.value)}
          />
        </label>
        {error && (
          <div className="notice notice-error" role="alert" data-testid="login-error">
            {say(error)}
          </div>
        )}
        <Keypad
          disabled={busy}
          onDigit={(digit) => change(pin + digit)}
          onBackspace={() => change(pin.slice(0, -1))}
          onClear={() => change('')}
        />
        <button
          type="submit"
          className="btn btn-primary btn-big"
          disabled={busy || pin.length === 0}
        >
          {t('login.submit')}
        </button>
      </form>
      <div className="login-notices">
        <NoticesOutlet />
      </div>
    </main>
  );
}

/**
 * The page a one-time link opens (/bo/set-password#token=…): whose link it
 * is, a new password typed twice, then the log-in with the address filled.
 * The token is read from the address's fragment, which the browser never
 * sends to a server.
 */
import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import type { BoLinkInfo } from '../../contract/backoffice';
import { NewPassword, PASSWORD_MIN } from '../../contract/backoffice';
import { msg } from '../../core/i18n';
import type { Shown } from '../../core/i18n';
import { saidText } from '../../core/schema-messages';
import { TextField } from '../../ui/components/TextField';
import { call, failureText } from '../api';
import { Alert } from '../components/Alert';
import { PublicFrame } from '../components/PublicFrame';
import { useCommandForm } from '../components/useCommandForm';
import { useBo } from '../i18n';
import { Link, useRoute } from '../router';

function tokenFrom(hash: string): string {
  return new URLSearchParams(hash.replace(/^#/, '')).get('token') ?? '';
}

export function SetPasswordPage() {
  const { t, dateTime } = useBo();
  const { hash, navigate } = useRoute();
  const token = tokenFrom(hash);
  const [link, setLink] = useState<BoLinkInfo | null | 'checking'>('checking');
  const [linkProblem, setLinkProblem] = useState<Shown | null>(null);
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const [localProblem, setLocalProblem] = useState<{ field: string; said: Shown } | null>(null);
  const form = useCommandForm();

  useEffect(() => {
    let live = true;
    call('link.inspect', { token })
      .then((info) => live && setLink(info))
      .catch((error: unknown) => {
        if (!live) return;
        setLinkProblem(failureText(error));
        setLink(null);
      });
    return () => {
      live = false;
    };
  }, [token]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!link || link === 'checking') return;
    // Judged here as the cloud will judge it, and the two typings compared.
    const checked = NewPassword.safeParse(password);
    if (!checked.success) {
      const issue = checked.error.issues[0]!;
      setLocalProblem({
        field: 'password',
        said: saidText(issue) ?? msg('backoffice.error.invalid_request'),
      });
      return;
    }
    if (password !== again) {
      setLocalProblem({ field: 'again', said: msg('backoffice.ui.setPassword.differ') });
      return;
    }
    setLocalProblem(null);
    const command = link.purpose === 'invite' ? 'account.acceptInvite' : 'password.reset';
    const done = await form.run(() => call(command, { token, password }));
    if (done)
      navigate(`/login?email=${encodeURIComponent(done.email)}&passwordSet=1`, { replace: true });
  };

  const fieldError = (field: string) =>
    localProblem?.field === field ? localProblem.said : form.fieldError(field);

  if (link === 'checking')
    return (
      <PublicFrame title={t('setPassword.title')}>
        <p aria-busy="true">{t('app.loading')}</p>
      </PublicFrame>
    );
  if (link === null)
    return (
      <PublicFrame title={t('setPassword.title')}>
        <Alert kind="error" shown={linkProblem} testId="set-password-invalid" />
        <p className="bo-aside">
          <Link to="/forgot-password">{t('setPassword.askAgain')}</Link>
        </p>
      </PublicFrame>
    );
  return (
    <PublicFrame
      title={link.purpose === 'invite' ? t('setPassword.welcome') : t('setPassword.title')}
    >
      <p data-testid="set-password-whom">
        {t(link.purpose === 'invite' ? 'setPassword.forInvite' : 'setPassword.forReset', {
          name: link.name,
          email: link.email,
          chain: link.chainName,
        })}
      </p>
      <form className="bo-form" onSubmit={submit} noValidate>
        <TextField
          label={t('field.newPassword')}
          value={password}
          onChange={setPassword}
          type="password"
          autofocus
          hint={t('setPassword.hint', { min: PASSWORD_MIN })}
          error={fieldError('password')}
          testId="set-password-new"
        />
        <TextField
          label={t('field.repeatPassword')}
          value={again}
          onChange={setAgain}
          type="password"
          error={fieldError('again')}
          testId="set-password-again"
        />
        <Alert kind="error" shown={form.formError(['password'])} testId="set-password-error" />
        <button
          type="submit"
          className="btn btn-primary btn-wide"
          disabled={form.busy}
          data-testid="set-password-submit"
        >
          {t('setPassword.submit')}
        </button>
        <p className="bo-aside">
          {t('setPassword.validUntil', { until: dateTime(link.expiresAt) })}
        </p>
      </form>
    </PublicFrame>
  );
}

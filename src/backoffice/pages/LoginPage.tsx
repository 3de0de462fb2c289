/** E-mail and password; back to the page asked for (`?next=`), else the stores. */
import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { TextField } from '../../ui/components/TextField';
import { call } from '../api';
import { Alert } from '../components/Alert';
import { PublicFrame } from '../components/PublicFrame';
import { useCommandForm } from '../components/useCommandForm';
import { useBo } from '../i18n';
import { Link, useRoute } from '../router';
import { safeNext } from '../next';
import { useSession } from '../session';

export function LoginPage() {
  const { t } = useBo();
  const { search, navigate } = useRoute();
  const { session, signedIn, endedUnasked } = useSession();
  const [email, setEmail] = useState(search.get('email') ?? '');
  const [password, setPassword] = useState('');
  const form = useCommandForm();
  const next = safeNext(search.get('next'));

  useEffect(() => {
    if (session && session !== 'checking') navigate(next, { replace: true });
  }, [session, next, navigate]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const answer = await form.run(() => call('session.logIn', { email, password }));
    if (answer) signedIn(answer);
    else setPassword('');
  };

  return (
    <PublicFrame title={t('login.title')}>
      {endedUnasked && <Alert kind="info" shown={t('login.sessionEnded')} />}
      {search.get('passwordSet') === '1' && (
        <Alert kind="ok" shown={t('login.passwordSet')} testId="login-password-set" />
      )}
      <form className="bo-form" onSubmit={submit} noValidate data-testid="login-form">
        <TextField
          label={t('field.email')}
          value={email}
          onChange={setEmail}
          type="email"
          inputMode="email"
          autoCapitalize="none"
          spellCheck={false}
          autofocus={email === ''}
          error={form.fieldError('email')}
          testId="login-email"
        />
        <TextField
          label={t('field.password')}
          value={password}
          onChange={setPassword}
          type="password"
          autofocus={email !== ''}
          error={form.fieldError('password')}
          testId="login-password"
        />
        <Alert kind="error" shown={form.formError(['email', 'password'])} testId="login-error" />
        <button
          type="submit"
          className="btn btn-primary btn-wide"
          disabled={form.busy}
          data-testid="login-submit"
        >
          {form.busy ? t('login.busy') : t('login.submit')}
        </button>
      </form>
      <p className="bo-aside">
        <Link
          to={`/forgot-password${email ? `?email=${encodeURIComponent(email)}` : ''}`}
          testId="login-forgot"
        >
          {t('login.forgot')}
        </Link>
      </p>
    </PublicFrame>
  );
}

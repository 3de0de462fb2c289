/**
 * "Forgot password": asks the cloud to send a reset link. The answer is the
 * same whether or not an account has the address, and so is this page's.
 */
import { useState } from 'react';
import type { FormEvent } from 'react';
import { TextField } from '../../ui/components/TextField';
import { call } from '../api';
import { Alert } from '../components/Alert';
import { PublicFrame } from '../components/PublicFrame';
import { useCommandForm } from '../components/useCommandForm';
import { useBo } from '../i18n';
import { Link, useRoute } from '../router';

export function ForgotPasswordPage() {
  const { t } = useBo();
  const { search } = useRoute();
  const [email, setEmail] = useState(search.get('email') ?? '');
  const [sent, setSent] = useState(false);
  const form = useCommandForm();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await form.run(() => call('password.requestReset', { email }))) setSent(true);
  };

  return (
    <PublicFrame title={t('forgot.title')}>
      {sent ? (
        <Alert kind="ok" shown={t('forgot.sent', { email: email.trim() })} testId="forgot-sent" />
      ) : (
        <form className="bo-form" onSubmit={submit} noValidate>
          <p>{t('forgot.intro')}</p>
          <TextField
            label={t('field.email')}
            value={email}
            onChange={setEmail}
            type="email"
            inputMode="email"
            autoCapitalize="none"
            spellCheck={false}
            autofocus
            error={form.fieldError('email')}
            testId="forgot-email"
          />
          <Alert kind="error" shown={form.formError(['email'])} />
          <button
            type="submit"
            className="btn btn-primary btn-wide"
            disabled={form.busy}
            data-testid="forgot-submit"
          >
            {t('forgot.submit')}
          </button>
        </form>
      )}
      <p className="bo-aside">
        <Link to="/login">{t('forgot.back')}</Link>
      </p>
    </PublicFrame>
  );
}

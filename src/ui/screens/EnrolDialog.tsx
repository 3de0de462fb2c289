/**
 * Bli medlem, in a few taps: the phone (filled in from the lookup), the terms
 * (required), SMS and e-mail consent (separate, unticked), and behind "Flere
 * felt" the optional profile and the referral code (verv en venn).
 */
import { useState } from 'react';
import type { CommandInput, CommandOutputs } from '../../contract/commands';
import { api } from '../api';
import { Dialog } from '../components/Dialog';
import { TextField } from '../components/TextField';
import { birthDateToIso } from '../entry';
import { problemOf } from '../errors';
import type { Problem } from '../errors';
import { uiText, useI18n } from '../i18n';

type Gender = 'female' | 'male' | 'other';

interface EnrolDialogProps {
  initialPhone: string;
  onEnrolled(result: CommandOutputs['member.enrol']): void;
  onClose(): void;
}

interface Optional {
  firstName: string;
  lastName: string;
  email: string;
  birthDate: string;
  postalCode: string;
  gender: Gender | '';
  referral: string;
}

const EMPTY: Optional = {
  firstName: '',
  lastName: '',
  email: '',
  birthDate: '',
  postalCode: '',
  gender: '',
  referral: '',
};

function enrolInput(
  phone: string,
  sms: boolean,
  email: boolean,
  optional: Optional,
): CommandInput<'member.enrol'> {
  const trimmed = (value: string) => (value.trim() === '' ? undefined : value.trim());
  return {
    phone: phone.trim(),
    acceptTerms: true,
    consents: { sms, email },
    profile: {
      firstName: trimmed(optional.firstName),
      lastName: trimmed(optional.lastName),
      email: trimmed(optional.email),
      birthDate: trimmed(birthDateToIso(optional.birthDate)),
      postalCode: trimmed(optional.postalCode),
      gender: optional.gender === '' ? undefined : optional.gender,
    },
    referral: trimmed(optional.referral),
  };
}

export function EnrolDialog({ initialPhone, onEnrolled, onClose }: EnrolDialogProps) {
  const { t, say } = useI18n();
  const [phone, setPhone] = useState(initialPhone);
  const [terms, setTerms] = useState(false);
  const [sms, setSms] = useState(false);
  const [email, setEmail] = useState(false);
  const [more, setMore] = useState(false);
  const [optional, setOptional] = useState<Optional>(EMPTY);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);

  const set = (field: keyof Optional) => (value: string) =>
    setOptional((current) => ({ ...current, [field]: value }));
  const invalid = (field: string) => problem?.field?.endsWith(field) ?? false;
  /** An optional text field's value, change and mark. */
  const optionalField = (field: Exclude<keyof Optional, 'gender'>) => ({
    value: optional[field],
    onChange: set(field),
    invalid: invalid(field),
  });

  const submit = async () => {
    if (busy) return;
    if (!terms) {
      setProblem({ text: uiText('enrol.termsRequired'), field: 'acceptTerms' });
      return;
    }
    setBusy(true);
    try {
      onEnrolled(await api.call('member.enrol', enrolInput(phone, sms, email, optional)));
    } catch (error) {
      const failed = problemOf(error);
      setProblem(failed);
      // The service names the optional field at fault: show it.
      if (failed.field && !['phone', 'acceptTerms'].includes(failed.field)) setMore(true);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog title={t('enrol.title')} onClose={onClose} testId="enrol-dialog">
      <form
        className="stack"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <TextField
          label={t('enrol.phone')}
          inputClass="input-big"
          inputMode="tel"
          autofocus={initialPhone === ''}
          invalid={invalid('phone')}
          testId="enrol-phone"
          value={phone}
          onChange={setPhone}
        />
        <label className="check">
          <input
            type="checkbox"
            checked={terms}
            aria-required="true"
            aria-invalid={invalid('acceptTerms')}
            data-autofocus={initialPhone === '' ? undefined : true}
            data-testid="enrol-terms"
            onChange={(event) => setTerms(event.target.checked)}
          />
          {t('enrol.terms')}
        </label>
        <label className="check">
          <input
            type="checkbox"
            checked={sms}
            data-testid="enrol-sms"
            onChange={(event) => setSms(event.target.checked)}
          />
          {t('enrol.sms')}
        </label>
        <label className="check">
          <input
            type="checkbox"
            checked={email}
            data-testid="enrol-email-consent"
            onChange={(event) => setEmail(event.target.checked)}
          />
          {t('enrol.email')}
        </label>
        <p className="member-sub">{t('enrol.consentHint')}</p>

        <button type="button" className="btn" aria-expanded={more} onClick={() => setMore(!more)}>
          {more ? t('enrol.fewerFields') : t('enrol.moreFields')}
        </button>
        {more && (
          <div className="form-grid" data-testid="enrol-more">
            <TextField
              label={t('enrol.firstName')}
              testId="enrol-first-name"
              {...optionalField('firstName')}
            />
            <TextField label={t('enrol.lastName')} {...optionalField('lastName')} />
            <TextField label={t('enrol.emailAddress')} type="email" {...optionalField('email')} />
            <TextField
              label={t('enrol.birthDate')}
              inputMode="numeric"
              placeholder={t('enrol.birthDateFormat')}
              {...optionalField('birthDate')}
            />
            <TextField
              label={t('enrol.postalCode')}
              inputMode="numeric"
              {...optionalField('postalCode')}
            />
            <label className="field">
              <span>{t('enrol.gender')}</span>
              <select
                className="input"
                value={optional.gender}
                onChange={(event) => set('gender')(event.target.value)}
              >
                <option value="">{t('enrol.genderNone')}</option>
                <option value="female">{t('enrol.genderFemale')}</option>
                <option value="male">{t('enrol.genderMale')}</option>
                <option value="other">{t('enrol.genderOther')}</option>
              </select>
            </label>
            <TextField
              label={t('enrol.referral')}
              spanAll
              placeholder={t('enrol.referralHint')}
              testId="enrol-referral"
              {...optionalField('referral')}
            />
          </div>
        )}

        {problem && (
          <div className="notice notice-error" role="alert" data-testid="enrol-error">
            {say(problem.text)}
          </div>
        )}
        <button
          type="submit"
          className="btn btn-primary btn-big"
          disabled={busy}
          data-testid="enrol-submit"
        >
          {t('enrol.submit')}
        </button>
      </form>
    </Dialog>
  );
}

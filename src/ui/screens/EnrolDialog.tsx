/**
 * Bli medlem, in a few taps: the phone (filled in from the lookup), the terms
 * (required), SMS and e-mail consent (separate, unticked), and behind "Flere
 * felt" the optional profile and the referral code (verv en venn).
 */
import { useState } from 'react';
import type { Shown } from '../../core/i18n';
import { normalisePhone } from '../../core/phone';
import { saidText } from '../../core/schema-messages';
import { CommandInputs } from '../../contract/commands';
import type { CommandInput, CommandOutputs } from '../../contract/commands';
import { api } from '../api';
import { Dialog } from '../components/Dialog';
import { TextField } from '../components/TextField';
import { birthDateToIso } from '../entry';
import { problemOf } from '../errors';
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

/** The fields a problem can sit at, by the name the service and the schema give them. */
const FIELDS = [
  'phone',
  'acceptTerms',
  'firstName',
  'lastName',
  'email',
  'birthDate',
  'postalCode',
  'referral',
] as const;
type Field = (typeof FIELDS)[number];
type Problems = Partial<Record<Field | 'form', Shown>>;

/** A problem's field from its path (`profile.email` → `email`), or the form's when none fits. */
function fieldOf(path: string | null): Field | 'form' {
  const last = path?.split('.').at(-1);
  return FIELDS.find((field) => field === last) ?? 'form';
}

/**
 * Every problem the form can see before sending, at once: the terms, the phone
 * (the core's own reading of it) and each field the command's schema refuses.
 */
function problemsBeforeSending(input: CommandInput<'member.enrol'>, terms: boolean): Problems {
  const problems: Problems = {};
  if (!terms) problems.acceptTerms = uiText('enrol.termsRequired');
  const phone = normalisePhone(input.phone);
  if (!phone.ok) problems.phone = phone.reason;
  const parsed = CommandInputs['member.enrol'].safeParse({ ...input, acceptTerms: true });
  for (const issue of parsed.success ? [] : parsed.error.issues) {
    const field = fieldOf(issue.path.join('.'));
    const text = saidText(issue);
    if (text && problems[field] === undefined) problems[field] = text;
  }
  return problems;
}

export function EnrolDialog({ initialPhone, onEnrolled, onClose }: EnrolDialogProps) {
  const { t, say } = useI18n();
  const [phone, setPhone] = useState(initialPhone);
  const [terms, setTerms] = useState(false);
  const [sms, setSms] = useState(false);
  const [email, setEmail] = useState(false);
  const [more, setMore] = useState(false);
  const [optional, setOptional] = useState<Optional>(EMPTY);
  const [problems, setProblems] = useState<Problems>({});
  const [busy, setBusy] = useState(false);

  const set = (field: keyof Optional) => (value: string) =>
    setOptional((current) => ({ ...current, [field]: value }));
  const invalid = (field: Field) => problems[field] !== undefined;
  /** An optional text field's value, change and its problem beside it. */
  const optionalField = (field: Exclude<keyof Optional, 'gender'>) => ({
    value: optional[field],
    onChange: set(field),
    error: problems[field] ?? null,
    testId: `enrol-${field.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`,
  });
  /** Show the problems; open the optional fields when one of them is at fault. */
  const show = (found: Problems) => {
    setProblems(found);
    const atOptional = Object.keys(found).some(
      (field) => !['phone', 'acceptTerms', 'form'].includes(field),
    );
    if (atOptional) setMore(true);
    // The first field at fault gets the focus (and the dialog scrolls to it).
    setTimeout(() => {
      const first = document.querySelector<HTMLElement>(
        '[data-testid="enrol-dialog"] [aria-invalid="true"]',
      );
      first?.focus();
    }, 0);
  };

  const submit = async () => {
    if (busy) return;
    const input = enrolInput(phone, sms, email, optional);
    const found = problemsBeforeSending(input, terms);
    if (Object.keys(found).length > 0) return show(found);
    setBusy(true);
    try {
      onEnrolled(await api.call('member.enrol', input));
    } catch (error) {
      const failed = problemOf(error);
      show({ [fieldOf(failed.field)]: failed.text });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog title={t('enrol.title')} onClose={onClose} testId="enrol-dialog">
      <form
        className="stack"
        // The till checks the fields itself and says what is wrong beside each, in the
        // till's language; the browser's own check would stop the form at the first.
        noValidate
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
          error={problems.phone ?? null}
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
        {problems.acceptTerms && (
          <small className="field-error" role="alert" data-testid="enrol-terms-error">
            {say(problems.acceptTerms)}
          </small>
        )}
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
            <TextField label={t('enrol.firstName')} {...optionalField('firstName')} />
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
              {...optionalField('referral')}
            />
          </div>
        )}

        {problems.form && (
          <div className="notice notice-error" role="alert" data-testid="enrol-error">
            {say(problems.form)}
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

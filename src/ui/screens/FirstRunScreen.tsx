/**
 * The first run of a till on an empty store (no staff member who can log in).
 * Step 1: the first manager (name, PIN twice, masked, checked equal before
 * anything is sent). Step 2: how the store starts: one of the templates (their
 * names and product counts) with the store's name, or paired with the chain's
 * cloud (address and store code). A till paired already skips step 2. Then the
 * till opens logged in as the new manager, or (a chain with staff of its own)
 * the log-in screen says to use the chain's PIN.
 *
 * Keyboard alone: each step's first field has the focus, Tab moves on, Enter
 * goes on (the template cards are buttons: Enter or Space chooses one). Touch:
 * every target at least the till's 56 px. The service's refusals show beside
 * the field it names.
 */
import { useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import type { Shown } from '../../core/i18n';
import type { CommandInput, SetupResult, SetupStatus, StaffSummary } from '../../contract/commands';
import { api } from '../api';
import { saveDeviceToken, savedDeviceToken } from '../device-token';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { CloudFields } from '../components/CloudFields';
import { TextField } from '../components/TextField';
import { problemAt, problemElsewhere, problemOf, type Problems } from '../errors';
import { NoticesOutlet } from '../hooks/useNotices';
import { useI18n, uiText } from '../i18n';
import { focusFirstInvalid, personFormProblems } from '../person-form';

/** The service names fields by their place in setup.start's input; the form by its own. */
function formField(field: string | null): string | null {
  if (field === null) return null;
  const inner = field.replace(/^(manager|start)\./, '');
  return inner === 'pinAgain' ? 'pin' : inner;
}

const MANAGER_FIELDS = ['name', 'pin'];
const TEMPLATE_FIELDS = ['templateId', 'storeName'];
const PAIR_FIELDS = ['cloudUrl', 'storeCode'];

type Step = 'manager' | 'store';
type Start = CommandInput<'setup.start'>['start'];

export function FirstRunScreen({
  status,
  onLoggedIn,
  onChainHasStaff,
}: {
  status: SetupStatus;
  onLoggedIn(staff: StaffSummary): void;
  onChainHasStaff(result: Extract<SetupResult, { loggedIn: false }>): void;
}) {
  const { t, say } = useI18n();
  const [step, setStep] = useState<Step>('manager');
  const [name, setName] = useState('');
  const [pin, setPin] = useState('');
  const [pinAgain, setPinAgain] = useState('');
  const [templateId, setTemplateId] = useState<string | null>(null);
  const [storeName, setStoreName] = useState('');
  const [cloudUrl, setCloudUrl] = useState('https://');
  const [storeCode, setStoreCode] = useState('');
  const [problem, setProblem] = useState<Problems>(null);
  /** Which form the problem is from: a refusal shows in the form that was sent. */
  const [problemIn, setProblemIn] = useState<'manager' | 'template' | 'pair' | null>(null);
  /** The form being sent, if any: the till waits for the service (or the cloud). */
  const [busyIn, setBusyIn] = useState<'manager' | 'template' | 'pair' | null>(null);
  const busy = busyIn !== null;
  const firstField = useRef<HTMLInputElement>(null);
  const firstCard = useRef<HTMLButtonElement>(null);

  // Each step opens with its first field focused.
  useEffect(() => {
    if (step === 'manager') firstField.current?.focus();
    else firstCard.current?.focus();
  }, [step]);

  const fail = (form: typeof problemIn, field: string, text: Shown) => {
    setProblem({ field, text });
    setProblemIn(form);
  };
  const clear = () => {
    setProblem(null);
    setProblemIn(null);
  };

  /** Step 1 checked here first: a PIN typed twice differently never reaches the service. */
  const managerProblem = (): boolean => {
    const found = personFormProblems({
      name,
      pin,
      pinAgain,
      pinNeeded: true,
      nameMissing: uiText('setup.nameMissing'),
    });
    if (found.length === 0) return false;
    setProblem(found);
    setProblemIn('manager');
    focusFirstInvalid(document.querySelector<HTMLElement>('[data-testid="first-run-manager"]'));
    return true;
  };

  const start = async (form: 'manager' | 'template' | 'pair', how: Start) => {
    if (busy) return;
    setBusyIn(form);
    clear();
    try {
      const deviceToken = savedDeviceToken();
      const result = await api.call('setup.start', {
        manager: { name: name.trim(), pin },
        start: how,
        ...(deviceToken === null ? {} : { deviceToken }),
      });
      if (!result.loggedIn) {
        onChainHasStaff(result);
        return;
      }
      saveDeviceToken(result.deviceToken);
      // The transport keeps the session the answer opened (openedSession in the contract).
      onLoggedIn({ staffId: result.staffId, name: result.name, role: result.role });
    } catch (failure) {
      const found = problemOf(failure);
      const field = formField(found.field);
      // The manager's own fields are on step 1: back there, beside the field.
      if (field !== null && MANAGER_FIELDS.includes(field)) {
        setStep('manager');
        fail('manager', field, found.text);
      } else {
        setProblem({ field, text: found.text });
        setProblemIn(form);
      }
    } finally {
      setBusyIn(null);
    }
  };

  const submitManager = (event: FormEvent) => {
    event.preventDefault();
    if (busy || managerProblem()) return;
    clear();
    if (status.paired) void start('manager', { kind: 'paired' });
    else setStep('store');
  };

  const submitTemplate = (event: FormEvent) => {
    event.preventDefault();
    if (templateId === null) {
      fail('template', 'templateId', uiText('setup.chooseTemplate'));
      firstCard.current?.focus();
      return;
    }
    void start('template', {
      kind: 'template',
      templateId: templateId as Extract<Start, { kind: 'template' }>['templateId'],
      storeName: storeName.trim(),
    });
  };

  const submitPair = (event: FormEvent) => {
    event.preventDefault();
    void start('pair', { kind: 'pair', cloudUrl: cloudUrl.trim(), storeCode: storeCode.trim() });
  };

  const at = (form: typeof problemIn, field: string) =>
    problemIn === form ? problemAt(problem, field) : null;
  const elsewhere = (form: typeof problemIn, fields: readonly string[]) =>
    problemIn === form ? problemElsewhere(problem, fields) : null;
  const pinAgainProblem = at('manager', 'pinAgain');

  const head = (
    <div className="login-head">
      <h1>{t('setup.title')}</h1>
      <LanguageSwitch />
    </div>
  );

  if (step === 'manager') {
    const managerElsewhere = elsewhere('manager', [...MANAGER_FIELDS, 'pinAgain']);
    return (
      <main className="login" data-testid="first-run">
        <form
          noValidate
          className="login-card"
          style={{ width: 'min(560px, 100%)' }}
          onSubmit={submitManager}
          data-testid="first-run-manager"
        >
          {head}
          <div className="member-sub">{t('setup.step', { step: 1 })}</div>
          <p style={{ margin: 0 }}>
            {status.paired ? t('setup.pairedIntro') : t('setup.managerIntro')}
          </p>
          <label className="field">
            <span>{t('setup.name')}</span>
            <input
              ref={firstField}
              className="input"
              autoComplete="off"
              maxLength={80}
              aria-invalid={at('manager', 'name') !== null}
              data-testid="setup-name"
              value={name}
              onChange={(event) => setName(event.target.value)}
            />
            {at('manager', 'name') && (
              <small className="field-error" role="alert" data-testid="setup-name-error">
                {say(at('manager', 'name')!)}
              </small>
            )}
          </label>
          <TextField
            label={t('setup.pin')}
            type="password"
            inputMode="numeric"
            maxLength={8}
            testId="setup-pin"
            value={pin}
            onChange={(value) => setPin(value.replace(/\D/g, ''))}
            error={at('manager', 'pin')}
          />
          <TextField
            label={t('setup.pinAgain')}
            type="password"
            inputMode="numeric"
            maxLength={8}
            testId="setup-pin-again"
            value={pinAgain}
            onChange={(value) => setPinAgain(value.replace(/\D/g, ''))}
            error={pinAgainProblem}
          />
          {managerElsewhere && (
            <div className="notice notice-error" role="alert" data-testid="setup-error">
              {say(managerElsewhere)}
            </div>
          )}
          <button
            type="submit"
            className="btn btn-primary btn-big"
            disabled={busy}
            data-testid="setup-next"
          >
            {busy ? t('setup.busy') : status.paired ? t('setup.finishPaired') : t('setup.next')}
          </button>
        </form>
        <div className="login-notices">
          <NoticesOutlet />
        </div>
      </main>
    );
  }

  const templateElsewhere = elsewhere('template', TEMPLATE_FIELDS);
  const pairElsewhere = elsewhere('pair', PAIR_FIELDS);
  return (
    <main className="login" data-testid="first-run">
      <div className="login-card" style={{ width: 'min(880px, 100%)' }}>
        {head}
        <div style={{ display: 'flex', alignItems: 'center', gap: 16 }}>
          <button
            type="button"
            className="btn"
            disabled={busy}
            data-testid="setup-back"
            onClick={() => {
              clear();
              setStep('manager');
            }}
          >
            {t('setup.back')}
          </button>
          <span className="member-sub">{t('setup.step', { step: 2 })}</span>
        </div>
        <p style={{ margin: 0 }}>{t('setup.startIntro')}</p>
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 24, alignItems: 'flex-start' }}>
          <form
            noValidate
            onSubmit={submitTemplate}
            data-testid="first-run-template"
            style={{ flex: '3 1 340px', display: 'flex', flexDirection: 'column', gap: 12 }}
          >
            <h2 style={{ margin: 0, fontSize: '1.2rem' }} id="setup-templates-label">
              {t('setup.templates')}
            </h2>
            <small className="member-sub">{t('setup.templatesHint')}</small>
            <div
              role="group"
              aria-labelledby="setup-templates-label"
              style={{
                display: 'grid',
                gridTemplateColumns: 'repeat(auto-fit, minmax(150px, 1fr))',
                gap: 8,
              }}
            >
              {status.templates.map((template, index) => (
                <button
                  key={template.id}
                  ref={index === 0 ? firstCard : undefined}
                  type="button"
                  className="btn"
                  aria-pressed={template.id === templateId}
                  data-testid={`setup-template-${template.id}`}
                  disabled={busy}
                  style={{
                    minHeight: 72,
                    flexDirection: 'column',
                    gap: 2,
                    padding: '8px 12px',
                  }}
                  onClick={() => {
                    setTemplateId(template.id);
                    if (problemIn === 'template' && problemAt(problem, 'templateId') !== null)
                      clear();
                  }}
                >
                  <span>{say(template.name)}</span>
                  <small style={{ fontWeight: 400 }}>
                    {t('setup.products', { count: template.products })}
                  </small>
                </button>
              ))}
            </div>
            {at('template', 'templateId') && (
              <small className="field-error" role="alert" data-testid="setup-template-error">
                {say(at('template', 'templateId')!)}
              </small>
            )}
            <TextField
              label={t('setup.storeName')}
              maxLength={80}
              testId="setup-store-name"
              value={storeName}
              onChange={setStoreName}
              hint={t('setup.storeNameHint')}
              error={at('template', 'storeName')}
            />
            {templateElsewhere && (
              <div className="notice notice-error" role="alert" data-testid="setup-template-failed">
                {say(templateElsewhere)}
              </div>
            )}
            <button
              type="submit"
              className="btn btn-primary btn-big"
              disabled={busy}
              data-testid="setup-start-template"
            >
              {busyIn === 'template' ? t('setup.busy') : t('setup.startTemplate')}
            </button>
          </form>
          <form
            noValidate
            onSubmit={submitPair}
            data-testid="first-run-pair"
            style={{ flex: '2 1 260px', display: 'flex', flexDirection: 'column', gap: 12 }}
          >
            <h2 style={{ margin: 0, fontSize: '1.2rem' }}>{t('setup.pair')}</h2>
            <small className="member-sub">{t('setup.pairHint')}</small>
            <CloudFields
              testIdPrefix="setup"
              cloudUrl={cloudUrl}
              storeCode={storeCode}
              onCloudUrl={setCloudUrl}
              onStoreCode={setStoreCode}
              errors={{ cloudUrl: at('pair', 'cloudUrl'), storeCode: at('pair', 'storeCode') }}
            />
            {pairElsewhere && (
              <div className="notice notice-error" role="alert" data-testid="setup-pair-failed">
                {say(pairElsewhere)}
              </div>
            )}
            <button
              type="submit"
              className="btn btn-primary btn-big"
              disabled={busy}
              data-testid="setup-start-pair"
            >
              {busyIn === 'pair' ? t('setup.busy') : t('setup.startPair')}
            </button>
          </form>
        </div>
      </div>
      <div className="login-notices">
        <NoticesOutlet />
      </div>
    </main>
  );
}
